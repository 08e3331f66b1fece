"""A fax setup in Python through the sinch-fax provider plugin.

- "inbound" receives faxes on one of the project's numbers (routed to it
  through Sinch's Numbers API) and mails them to a fax-to-email address.
- "outbound" sends faxes with more retries.

Config: sinch-fax:projectId, sinch-fax:keyId, sinch-fax:keySecret (secret)
(or the SINCH_* environment variables); inboundNumber (one of the project's
active numbers, E.164); outboundRetries (default 3).
"""

import pulumi
import pulumi_sinch_fax as sinchfax

config = pulumi.Config()

inbound = sinchfax.FaxService("inbound", name="Inbound faxes", webhook_content_type="application/json")
outbound = sinchfax.FaxService(
    "outbound",
    name="Outbound faxes",
    number_of_retries=config.get_int("outboundRetries") or 3,
    resolution="SUPERFINE",
)

main = sinchfax.FaxNumberRoute("main", phone_number=config.require("inboundNumber"), service_id=inbound.id)
desk = sinchfax.FaxEmail(
    "desk",
    service_id=inbound.id,
    email="faxes@example.com",
    phone_numbers=[sinchfax.FaxEmailNumberArgs(number=main.phone_number)],
)

pulumi.export("inboundServiceId", inbound.id)
pulumi.export("outboundServiceId", outbound.id)
# Every service of the project once these exist (a function reads services the program does not manage too).
pulumi.export(
    "serviceNames",
    pulumi.Output.all(inbound.id, outbound.id).apply(lambda _: sorted(s.name for s in sinchfax.list_fax_services().services)),
)
