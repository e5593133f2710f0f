// A local HTTP server standing in for the SMS gateway in the browser tests:
// it takes GatewayAPI's REST call (POST /rest/mtsms, JSON, a bearer token)
// and keeps every message in memory; GET /messages shows them as JSON, so a
// test reads the code a person was sent. No packages: node's own http.
//
// Environment: GATEWAY_PORT (default 3112), GATEWAY_TOKEN (the one accepted).
import { createServer } from "node:http";

const messages = [];
const token = process.env.GATEWAY_TOKEN ?? "";

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/messages") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(messages));
    return;
  }
  if (req.method !== "POST" || req.url !== "/rest/mtsms") {
    res.writeHead(404).end();
    return;
  }
  if (req.headers.authorization !== `Bearer ${token}`) {
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "Unauthorized" }));
    return;
  }
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    try {
      const sms = JSON.parse(body);
      for (const r of sms.recipients ?? []) {
        messages.push({ msisdn: String(r.msisdn), message: sms.message, sender: sms.sender, userref: sms.userref });
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: [messages.length] }));
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Bad JSON" }));
    }
  });
});

server.listen(Number(process.env.GATEWAY_PORT ?? 3112), "127.0.0.1");
