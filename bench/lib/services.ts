/** N services with varied, valid settings: the inputs of both benchmark programs. */
export function serviceSpecs(count: number): Record<string, Record<string, unknown>> {
  const specs: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < count; i++) {
    specs[`svc-${String(i).padStart(3, "0")}`] = {
      name: `Bench service ${i}`,
      numberOfRetries: i % 6,
      retryDelaySeconds: 30 + (i % 10) * 20,
      resolution: i % 2 ? "SUPERFINE" : "FINE",
      webhookContentType: i % 3 ? "application/json" : "multipart/form-data",
      incomingWebhookUrl: `https://hooks.example.com/fax/${i}`,
      scanIncomingBarcodes: i % 4 === 0,
    };
  }
  return specs;
}
