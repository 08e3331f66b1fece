@rem The sinch-fax provider plugin on Windows (see pulumi-resource-sinch-fax).
@node "%~dp0index.js" %*
