// What an integrator writes with the client generated from Lacuna's OpenAPI document
// (openapi-typescript's types, openapi-fetch's calls): if the document stops describing these
// calls as the service answers them, this no longer compiles.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/lacuna.js";

type Gap = components["schemas"]["Gap"];
type Problem = components["schemas"]["Problem"];

function explain(problem: Problem | undefined): Error {
  const fields = (problem?.errors ?? []).map((e) => `${e.field}: ${e.detail}`).join("; ");
  return new Error(`${problem?.title ?? "no answer"}${fields ? ` (${fields})` : ""}`);
}

/** Logs in, reports a gap, reads it back with its history, moves it on, and lists the city's drafts. */
export async function reportAndFollow(baseUrl: string, username: string, password: string): Promise<Gap> {
  const lacuna = createClient<paths>({ baseUrl });
  const session = await lacuna.POST("/api/v1/session", { body: { username, password } });
  if (!session.data) throw explain(session.error);
  const headers = { Authorization: `Bearer ${session.data.token}` };

  const created = await lacuna.POST("/api/v1/gaps", {
    headers,
    body: { title: "نبود مقرره برای عوارض", description: "شرح", kind: "vacuum", category: "fees" },
  });
  if (!created.data) throw explain(created.error);
  for (const similar of created.data.similar ?? []) console.log(similar.reference, similar.score);

  const id = created.data.id;
  const read = await lacuna.GET("/api/v1/gaps/{id}", { headers, params: { path: { id } } });
  if (!read.data) throw explain(read.error);
  const history = await lacuna.GET("/api/v1/gaps/{id}/history", { headers, params: { path: { id } } });
  for (const event of history.data?.items ?? []) console.log(event.sequence, event.type, event.at_jalali);

  const next = read.data.available_transitions[0];
  if (next) {
    const moved = await lacuna.POST("/api/v1/gaps/{id}/transitions", {
      headers,
      params: { path: { id } },
      body: { transition: next.name, expected_version: read.data.version },
    });
    if (!moved.data) throw explain(moved.error);
  }
  const drafts = await lacuna.GET("/api/v1/gaps", {
    headers,
    params: { query: { state: "drafting", municipality: read.data.municipality, limit: 20 } },
  });
  console.log(drafts.data?.items.map((g) => `${g.reference} ${g.title}`), drafts.data?.next_cursor);
  return read.data;
}
