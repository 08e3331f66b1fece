import { SinchFaxClient } from "../client/client";
import { clientOptions, type ProviderSettings, readSettings, type SettingName } from "../core/config";
import type { Interrupted } from "./interrupted";
import type { ExportedDeployment } from "./state-edit";

/** The name of a setting in a config key of either namespace (`sinch:keyId`, `sinch-fax:keyId`). */
const settingName = (key: string) => key.slice(key.indexOf(":") + 1) as SettingName;

/**
 * The settings that served a resource, as its run had them: for the plugin's
 * resources, its provider's inputs in state (the default provider's are the
 * stack's `sinch-fax:*` config, an explicit provider's its own arguments), then
 * the stack's `sinch-fax:*` config; for the dynamic resources, the stack's
 * `sinch:*` config. The environment (`SINCH_*`) fills in the rest, as in the provider.
 */
export function settingsOf(
  provider: string | undefined,
  door: "plugin" | "dynamic",
  deployment: ExportedDeployment,
  config: Readonly<Record<string, string>>,
  env: Record<string, string | undefined>,
): ProviderSettings {
  const namespace = door === "plugin" ? "sinch-fax" : "sinch";
  const [urn, id] = provider ? [provider.slice(0, provider.lastIndexOf("::")), provider.slice(provider.lastIndexOf("::") + 2)] : [];
  const inputs = (deployment.resources ?? []).find((r) => r.urn === urn && r.id === id)?.inputs ?? {};
  return readSettings((key) => {
    const name = settingName(key);
    const own = inputs[name];
    return own === undefined || own === null ? config[`${namespace}:${name}`] : String(own);
  }, env);
}

/** One client per set of settings and project, for every resource recovery looks at. */
export class Clients {
  private readonly clients = new Map<string, SinchFaxClient>();

  constructor(
    private readonly deployment: ExportedDeployment,
    private readonly config: Readonly<Record<string, string>>,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  /** The client of the resource's provider and project. */
  for(item: Pick<Interrupted, "type" | "provider">, projectId: string): SinchFaxClient {
    const door = item.type.startsWith("sinch-fax:") ? "plugin" : "dynamic";
    const settings = settingsOf(item.provider, door, this.deployment, this.config, this.env);
    const key = JSON.stringify([settings, projectId]);
    let client = this.clients.get(key);
    if (!client) {
      client = new SinchFaxClient(clientOptions(settings, projectId));
      this.clients.set(key, client);
    }
    return client;
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}
