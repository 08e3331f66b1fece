import * as grpc from "@grpc/grpc-js";
import * as pluginproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { redact } from "../core/operation-errors";
import { configureRuntime } from "../core/runtime";
import { webhookPassword } from "../fields/webhook";
import { invoke } from "./functions";
import { importRead, type PluginResource, resourceOf } from "./resources";
import { PACKAGE, packageSchema } from "./schema";
import { unwrap, wrap } from "./values";

type Props = Record<string, unknown>;
type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

const toJs = (struct: Struct | undefined): Props => (struct?.toJavaScript() ?? {}) as Props;
const toStruct = (value: Props): Struct => Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);

/** Outputs for the engine: secret where the inputs were, and wherever a credential is. */
function outputsOf(resource: PluginResource, outs: Props, secret: ReadonlySet<string>): Struct {
  return toStruct(wrap(outs, new Set([...secret, ...resource.secretOutputs(outs)])));
}

/** The secret strings of a request (secret inputs, webhook passwords): no error message may hold one. */
function secretsOf(values: Props, secret: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const visit = (value: unknown, isSecret: boolean): void => {
    if (typeof value === "string") {
      if (isSecret) found.push(value);
      const password = webhookPassword(value);
      if (password) found.push(password);
    } else if (value && typeof value === "object") for (const v of Object.values(value)) visit(v, isSecret);
  };
  for (const [key, value] of Object.entries(values)) visit(value, secret.has(key));
  return found;
}

/** The request's properties, for an error: the resource, what is secret and the secret strings. */
interface ErrorContext {
  resource: PluginResource;
  secret: ReadonlySet<string>;
  secrets: string[];
}

/**
 * An error for the engine. A partial failure carries, as the engine expects,
 * the id and the state of what was applied; no message holds a secret of the
 * request.
 */
function grpcError(e: unknown, context?: ErrorContext): grpc.ServiceError {
  const error = e as Error & { id?: string; properties?: Props; reasons?: string[] };
  const secrets = context?.secrets ?? [];
  const message = redact(error?.message ?? String(e), secrets);
  const metadata = new grpc.Metadata();
  if (error?.id && context) {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(error.id);
    detail.setProperties(outputsOf(context.resource, error.properties ?? {}, context.secret));
    detail.setReasonsList((error.reasons ?? [message]).map((reason) => redact(reason, secrets)));
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}

function contextOf(urn: string, props: Struct | undefined): ErrorContext {
  const { values, secret } = unwrap(toJs(props));
  return { resource: resourceOf(urn), secret, secrets: secretsOf(values, secret) };
}

/** Wraps a handler: its result, or its error as a gRPC error. */
function unary<Req, Res>(
  run: (request: Req) => Promise<Res>,
  onError: (e: unknown, request: Req) => grpc.ServiceError = (e) => grpcError(e),
) {
  return ((call, callback) => {
    run(call.request).then(
      (response) => callback(null, response),
      (e: unknown) => callback(onError(e, call.request)),
    );
  }) as Unary<Req, Res>;
}

/** The ResourceProvider service of the plugin: every call goes to the same lifecycle code as the dynamic resources. */
export function providerService(version: string): Partial<provrpc.IResourceProviderServer> {
  return {
    getPluginInfo: unary(async () => new pluginproto.PluginInfo().setVersion(version)),
    getSchema: unary(async () => new provproto.GetSchemaResponse().setSchema(JSON.stringify(packageSchema(version)))),
    configure: unary(async (req: provproto.ConfigureRequest) => {
      const args = unwrap(toJs(req.getArgs())).values;
      const variables = req.getVariablesMap();
      configureRuntime((key) => {
        const name = key.slice(`${PACKAGE}:`.length);
        const value = args[name] ?? variables.get(`${PACKAGE}:config:${name}`);
        return value === undefined || value === null ? undefined : String(value);
      });
      return new provproto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false);
    }),
    invoke: unary(async (req: provproto.InvokeRequest) => {
      const name = req.getTok().split(":")[2] ?? "";
      const result = await invoke(name, unwrap(toJs(req.getArgs())).values);
      const response = new provproto.InvokeResponse();
      if (result.outputs) response.setReturn(toStruct(wrap(result.outputs, new Set())));
      response.setFailuresList(
        (result.failures ?? []).map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason)),
      );
      return response;
    }),
    check: unary(async (req: provproto.CheckRequest) => {
      const resource = resourceOf(req.getUrn());
      const news = unwrap(toJs(req.getNews()));
      const shared = resource.sharedWith?.(req.getUrn(), news.values);
      if (shared) news.values.sharedWith = shared;
      const { inputs, failures } = await resource.lifecycle.check(unwrap(toJs(req.getOlds())).values, news.values);
      const response = new provproto.CheckResponse().setInputs(outputsOf(resource, inputs as Props, news.secret));
      return response.setFailuresList(
        (failures ?? []).map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason)),
      );
    }),
    diff: unary(async (req: provproto.DiffRequest) => {
      const resource = resourceOf(req.getUrn());
      const result = (await resource.lifecycle.diff(
        req.getId(),
        unwrap(toJs(req.getOlds())).values,
        unwrap(toJs(req.getNews())).values,
      )) as {
        changes?: boolean;
        replaces?: string[];
        deleteBeforeReplace?: boolean;
        diffs?: string[];
      };
      const { DiffChanges } = provproto.DiffResponse;
      return new provproto.DiffResponse()
        .setChanges(
          result.changes === true ? DiffChanges.DIFF_SOME : result.changes === false ? DiffChanges.DIFF_NONE : DiffChanges.DIFF_UNKNOWN,
        )
        .setReplacesList(result.replaces ?? [])
        .setDiffsList(result.diffs ?? [])
        .setDeletebeforereplace(result.deleteBeforeReplace ?? false);
    }),
    create: unary(
      async (req: provproto.CreateRequest) => {
        const resource = resourceOf(req.getUrn());
        const props = unwrap(toJs(req.getProperties()));
        const { id, outs } = await resource.lifecycle.create(props.values);
        return new provproto.CreateResponse().setId(id).setProperties(outputsOf(resource, outs as Props, props.secret));
      },
      (e, req) => grpcError(e, contextOf(req.getUrn(), req.getProperties())),
    ),
    read: unary(async (req: provproto.ReadRequest) => {
      const resource = resourceOf(req.getUrn());
      const props = unwrap(toJs(req.getProperties()));
      const secret = new Set([...props.secret, ...unwrap(toJs(req.getInputs())).secret]);
      const imported = Object.keys(props.values).length === 0;
      const result = imported ? await importRead(resource, req.getId()) : await resource.lifecycle.read(req.getId(), props.values);
      const response = new provproto.ReadResponse();
      if (result.id === undefined || !result.props) return response;
      response.setId(result.id).setProperties(outputsOf(resource, result.props as Props, secret));
      if (result.inputs) response.setInputs(outputsOf(resource, result.inputs as Props, secret));
      return response;
    }),
    update: unary(
      async (req: provproto.UpdateRequest) => {
        const resource = resourceOf(req.getUrn());
        const olds = unwrap(toJs(req.getOlds()));
        const news = unwrap(toJs(req.getNews()));
        const { outs } = await resource.lifecycle.update(req.getId(), olds.values, news.values);
        return new provproto.UpdateResponse().setProperties(outputsOf(resource, (outs ?? {}) as Props, news.secret));
      },
      (e, req) => grpcError(e, contextOf(req.getUrn(), req.getNews())),
    ),
    delete: unary(async (req: provproto.DeleteRequest) => {
      await resourceOf(req.getUrn()).lifecycle.delete(req.getId(), unwrap(toJs(req.getProperties())).values);
      return new Empty();
    }),
    cancel: unary(async () => new Empty()),
  };
}

/** Serves the plugin on a loopback port and prints it, as the engine expects of a plugin's first line. */
export async function serve(version: string): Promise<grpc.Server> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(provrpc.ResourceProviderService, providerService(version) as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  console.log(String(port));
  return server;
}
