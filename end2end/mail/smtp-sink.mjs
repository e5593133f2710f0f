// A real SMTP server for the tests (npm smtp-server): STARTTLS with a
// throwaway certificate, AUTH PLAIN/LOGIN only after STARTTLS, and every
// mail it accepts kept in memory. An HTTP side on 127.0.0.1 shows them as
// JSON (GET /mails) and lets a test change the server's mood (POST /mood).
//
// Environment:
//   SMTP_PORT, HTTP_PORT   0 picks a free port (default)
//   SMTP_KEY, SMTP_CERT    PEM files (the tests make them with openssl)
//   SMTP_USER, SMTP_PASS   the one account
//   SMTP_DELAY_MS          wait this long before accepting each mail (default 0)
// First line on stdout: {"smtp": <port>, "http": <port>}.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

const mails = [];
// "ok"; "refuse" answers every recipient 550; "busy" answers 451.
let mood = "ok";

const smtp = new SMTPServer({
  secure: false,
  key: readFileSync(process.env.SMTP_KEY),
  cert: readFileSync(process.env.SMTP_CERT),
  authMethods: ["PLAIN", "LOGIN"],
  allowInsecureAuth: false,
  size: 1024 * 1024,
  logger: false,
  banner: "enplan test sink",
  onAuth(auth, _session, callback) {
    if (auth.username === process.env.SMTP_USER && auth.password === process.env.SMTP_PASS) {
      callback(null, { user: auth.username });
    } else {
      const err = new Error("Authentication failed");
      err.responseCode = 535;
      callback(err);
    }
  },
  onRcptTo(address, _session, callback) {
    if (mood === "refuse") {
      const err = new Error(`5.1.1 Mailbox unavailable`);
      err.responseCode = 550;
      return callback(err);
    }
    if (mood === "busy") {
      const err = new Error("4.3.2 Try again later");
      err.responseCode = 451;
      return callback(err);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => setTimeout(() => {
      mails.push({
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user,
        tls: !!session.secure,
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    }, Number(process.env.SMTP_DELAY_MS ?? 0)));
  },
});

// A client that dies mid-session (the tests kill servers with SIGKILL) resets
// its socket; without a listener that error would end this process.
smtp.on("error", (err) => console.error(`smtp-sink: ${err.code ?? ""} ${err.message}`));

const http = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/mails") {
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify(mails));
  }
  if (req.method === "POST" && req.url && req.url.startsWith("/mood/")) {
    mood = req.url.slice("/mood/".length);
    res.writeHead(204);
    return res.end();
  }
  res.writeHead(404);
  res.end();
});

let ready = 0;
const announce = () => {
  if (++ready === 2) {
    console.log(JSON.stringify({ smtp: smtp.server.address().port, http: http.address().port }));
  }
};
smtp.listen(Number(process.env.SMTP_PORT ?? 0), "127.0.0.1", announce);
http.listen(Number(process.env.HTTP_PORT ?? 0), "127.0.0.1", announce);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
