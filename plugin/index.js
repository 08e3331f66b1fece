// The plugin's code is the package's own build (npm run build, or the published package's dist/).
require("../dist/provider/plugin/main.js");
