import * as grpc from "@grpc/grpc-js";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginepb from "@pulumi/pulumi/proto/engine_pb";

/**
 * A log line's way to the engine that started the plugin: its Engine service's
 * `Log`, as Pulumi's own provider SDKs send diagnostics. A line the engine
 * cannot take (it is gone) goes to stderr instead.
 */
export function engineLog(address: string): (severity: "info" | "warning", message: string) => void {
  const client = new engrpc.EngineClient(address, grpc.credentials.createInsecure());
  return (severity, message) => {
    const request = new enginepb.LogRequest()
      .setSeverity(severity === "info" ? enginepb.LogSeverity.INFO : enginepb.LogSeverity.WARNING)
      .setMessage(message);
    client.log(request, (e: grpc.ServiceError | null) => {
      if (e) console.error(message);
    });
  };
}
