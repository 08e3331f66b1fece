import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { providerService } from "../../provider/plugin/server";

type Props = Record<string, unknown>;
const struct = (value: Props) => Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);

/** The plugin's gRPC service on a loopback port, and a client of it speaking plain objects, as the engine would. */
export async function startPlugin(version = "9.9.9") {
  const server = new grpc.Server();
  server.addService(provrpc.ResourceProviderService, providerService(version) as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <Req, Res>(method: string, request: Req): Promise<Res> =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>)[method]!;
      fn.call(client, request, (e, response) => (e ? reject(e) : resolve(response)));
    });
  const urn = (type: string, name = "r") => `urn:pulumi:test::proj::sinch-fax:index:${type}::${name}`;
  return {
    close: () => {
      client.close();
      server.forceShutdown();
    },
    urn,
    getSchema: async () =>
      JSON.parse(
        (await call<provproto.GetSchemaRequest, provproto.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest())).getSchema(),
      ),
    pluginVersion: async () => (await call<Empty, { getVersion(): string }>("getPluginInfo", new Empty())).getVersion(),
    configure: (args: Props) => call("configure", new provproto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true)),
    check: async (type: string, news: Props, olds: Props = {}, name = "r") => {
      const response = await call<provproto.CheckRequest, provproto.CheckResponse>(
        "check",
        new provproto.CheckRequest().setUrn(urn(type, name)).setOlds(struct(olds)).setNews(struct(news)),
      );
      return {
        inputs: response.getInputs()?.toJavaScript() as Props,
        failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    diff: async (type: string, id: string, olds: Props, news: Props) => {
      const response = await call<provproto.DiffRequest, provproto.DiffResponse>(
        "diff",
        new provproto.DiffRequest().setUrn(urn(type)).setId(id).setOlds(struct(olds)).setNews(struct(news)),
      );
      return { changes: response.getChanges(), replaces: response.getReplacesList(), diffs: response.getDiffsList() };
    },
    create: async (type: string, props: Props) => {
      const response = await call<provproto.CreateRequest, provproto.CreateResponse>(
        "create",
        new provproto.CreateRequest().setUrn(urn(type)).setProperties(struct(props)),
      );
      return { id: response.getId(), outs: response.getProperties()?.toJavaScript() as Props };
    },
    read: async (type: string, id: string, props: Props = {}) => {
      const response = await call<provproto.ReadRequest, provproto.ReadResponse>(
        "read",
        new provproto.ReadRequest().setUrn(urn(type)).setId(id).setProperties(struct(props)),
      );
      return {
        id: response.getId(),
        props: response.getProperties()?.toJavaScript() as Props | undefined,
        inputs: response.getInputs()?.toJavaScript() as Props | undefined,
      };
    },
    update: async (type: string, id: string, olds: Props, news: Props) => {
      const response = await call<provproto.UpdateRequest, provproto.UpdateResponse>(
        "update",
        new provproto.UpdateRequest().setUrn(urn(type)).setId(id).setOlds(struct(olds)).setNews(struct(news)),
      );
      return response.getProperties()?.toJavaScript() as Props;
    },
    delete: (type: string, id: string, props: Props) =>
      call("delete", new provproto.DeleteRequest().setUrn(urn(type)).setId(id).setProperties(struct(props))),
    invoke: async (name: string, args: Props) => {
      const response = await call<provproto.InvokeRequest, provproto.InvokeResponse>(
        "invoke",
        new provproto.InvokeRequest().setTok(`sinch-fax:index:${name}`).setArgs(struct(args)),
      );
      return {
        outputs: response.getReturn()?.toJavaScript() as Props | undefined,
        failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
  };
}

/** The partial-failure detail a gRPC error carries, if any: the id and state the engine records. */
export function initFailure(error: grpc.ServiceError): { id: string; properties: Props } | undefined {
  const raw = error.metadata?.get("grpc-status-details-bin")[0];
  if (!raw) return undefined;
  const { Status } = require("@pulumi/pulumi/proto/status_pb");
  const status = Status.deserializeBinary(raw as Buffer);
  const detail = status.getDetailsList()[0];
  const failed = provproto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
  return { id: failed.getId(), properties: failed.getProperties()?.toJavaScript() as Props };
}
