// The v1 API as the web front uses it: same-origin cookie session, CSRF header on writes, problem+json errors.
const CSRF_KEY = "guichet.csrf";

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Erreur ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fields = (problem && problem.errors) || {};
  }
}

/** Server time minus browser time in milliseconds, from the last response's Date header; 0 before any. */
let clockOffset = 0;

/** Now by the server's clock, to the second: ages and school years stay right when the browser's clock is wrong. */
export function serverNow() {
  return new Date(Date.now() + clockOffset);
}

export function rememberCsrf(token) {
  localStorage.setItem(CSRF_KEY, token);
}

export function forgetCsrf() {
  localStorage.removeItem(CSRF_KEY);
}

async function call(method, path, body, extraHeaders = {}) {
  const headers = { Accept: "application/json", ...extraHeaders };
  let payload;
  if (body instanceof FormData || body instanceof Blob) {
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  if (method !== "GET") {
    const csrf = localStorage.getItem(CSRF_KEY);
    if (csrf) headers["X-CSRF-Token"] = csrf;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  } catch (e) {
    throw new ApiError(0, { detail: "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez." });
  }
  const served = Date.parse(response.headers.get("Date"));
  if (!Number.isNaN(served)) clockOffset = served - Date.now();
  if (response.status === 204) return { data: null, response };
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, response };
}

export const api = {
  signIn: (identifier, password, remember) =>
    call("POST", "/api/v1/session", { identifier, password, remember }),
  signOut: () => call("DELETE", "/api/v1/session"),
  askPasswordReset: (identifier) => call("POST", "/api/v1/password-reset", { identifier }),
  resetPassword: (token, password) =>
    call("POST", `/api/v1/password-reset/${encodeURIComponent(token)}`, { password }),
  answerSatisfaction: (token, score, comment) =>
    call("POST", `/api/v1/satisfaction/${encodeURIComponent(token)}`, { score, comment }),
  satisfaction: (number) => call("GET", `/api/v1/requests/${encodeURIComponent(number)}/satisfaction`),
  me: () => call("GET", "/api/v1/me"),
  subjects: () => call("GET", "/api/v1/subjects"),
  requestTypes: () => call("GET", "/api/v1/request-types"),
  groups: () => call("GET", "/api/v1/groups"),
  file: (formData, idempotencyKey) =>
    call("POST", "/api/v1/requests", formData, { "Idempotency-Key": idempotencyKey }),
  list: (params) => call("GET", "/api/v1/requests?" + new URLSearchParams(params)),
  counts: (params) => call("GET", "/api/v1/requests/counts?" + new URLSearchParams(params)),
  get: (number) => call("GET", `/api/v1/requests/${encodeURIComponent(number)}`),
  post: (number, body, internal, etag, files = []) =>
    call("POST", `/api/v1/requests/${encodeURIComponent(number)}/messages`,
      files.length ? withFiles("message", { body, internal }, files) : { body, internal }, ifMatch(etag)),
  redirect: (number, group, assignee, comment, etag) =>
    call("POST", `/api/v1/requests/${encodeURIComponent(number)}/redirect`,
      { group, assignee: assignee || null, comment: comment || null }, ifMatch(etag)),
  bulk: (numbers, action, fields) => call("POST", "/api/v1/requests/bulk", { numbers, action, ...fields }),
  link: (number, parent, etag) =>
    call("POST", `/api/v1/requests/${encodeURIComponent(number)}/link`, { parent }, ifMatch(etag)),
  unlink: (number, etag) =>
    call("DELETE", `/api/v1/requests/${encodeURIComponent(number)}/link`, undefined, ifMatch(etag)),
  take: (number, etag) =>
    call("POST", `/api/v1/requests/${encodeURIComponent(number)}/take`, undefined, ifMatch(etag)),
  cannedAnswers: (group, request) =>
    call("GET", "/api/v1/canned-answers?" + new URLSearchParams(request ? { group, request } : { group })),
  addCannedAnswer: (group, title, body) => call("POST", "/api/v1/canned-answers", { group, title, body }),
  changeCannedAnswer: (id, title, body, version) =>
    call("PUT", `/api/v1/canned-answers/${encodeURIComponent(id)}`, { title, body }, ifMatch(`"${version}"`)),
  removeCannedAnswer: (id, version) =>
    call("DELETE", `/api/v1/canned-answers/${encodeURIComponent(id)}`, undefined, ifMatch(`"${version}"`)),
  adminPeople: (params) => call("GET", "/api/v1/admin/people?" + new URLSearchParams(params)),
  adminPerson: (identifier) => call("GET", `/api/v1/admin/people/${encodeURIComponent(identifier)}`),
  createPerson: (person) => call("POST", "/api/v1/admin/people", person),
  changePerson: (identifier, changes, etag) =>
    call("PATCH", `/api/v1/admin/people/${encodeURIComponent(identifier)}`, changes, ifMatch(etag)),
  importPeople: (file) => call("POST", "/api/v1/admin/people/import", new Blob([file], { type: "text/csv" })),
  establishments: (q) => call("GET", "/api/v1/establishments?" + new URLSearchParams({ q })),
  departments: () => call("GET", "/api/v1/establishments/departments"),
  importEstablishments: (file) =>
    call("POST", "/api/v1/admin/establishments/import", new Blob([file], { type: "text/csv" })),
  status: (number, status, comment, etag) =>
    call("POST", `/api/v1/requests/${encodeURIComponent(number)}/status`,
      { status, comment: comment || null }, ifMatch(etag)),
  adminSettings: () => call("GET", "/api/v1/admin/settings"),
  changeAdminSettings: (changes, etag) => call("PATCH", "/api/v1/admin/settings", changes, ifMatch(etag)),
  runRetention: (dryRun) => call("POST", "/api/v1/admin/retention/run" + (dryRun ? "?dryRun=true" : "")),
  adminAudit: (page, size) => call("GET", "/api/v1/admin/audit?" + new URLSearchParams({ page, size })),
  unattachedMail: (page, size) => call("GET", "/api/v1/mail/unattached?" + new URLSearchParams({ page, size })),
  ignoredMail: (page, size) => call("GET", "/api/v1/mail/ignored?" + new URLSearchParams({ page, size })),
  keptMail: (id) => call("GET", `/api/v1/mail/unattached/${encodeURIComponent(id)}`),
  myNotifications: () => call("GET", "/api/v1/me/notifications"),
  chooseNotifications: (chosen) => call("PUT", "/api/v1/me/notifications", chosen),
  fileMailAway: (id) => call("POST", `/api/v1/mail/unattached/${encodeURIComponent(id)}/handled`),
  attachMail: (id, number) => call("POST", `/api/v1/mail/unattached/${encodeURIComponent(id)}/attach`, { number }),
  adminGroups: () => call("GET", "/api/v1/admin/groups"),
  createGroup: (code, label) => call("POST", "/api/v1/admin/groups", { code, label }),
  changeGroup: (code, changes, etag) =>
    call("PATCH", `/api/v1/admin/groups/${encodeURIComponent(code)}`, changes, ifMatch(`"${etag}"`)),
  adminSubjects: () => call("GET", "/api/v1/admin/subjects"),
  createSubject: (subject) => call("POST", "/api/v1/admin/subjects", subject),
  changeSubject: (code, changes, etag) =>
    call("PATCH", `/api/v1/admin/subjects/${encodeURIComponent(code)}`, changes, ifMatch(`"${etag}"`)),
  adminRequestTypes: () => call("GET", "/api/v1/admin/request-types"),
  createRequestType: (code, label) => call("POST", "/api/v1/admin/request-types", { code, label }),
  changeRequestType: (code, changes, etag) =>
    call("PATCH", `/api/v1/admin/request-types/${encodeURIComponent(code)}`, changes, ifMatch(`"${etag}"`)),
};

/** A multipart body: the JSON part `name`, then a part `file` for each file. */
export function withFiles(name, json, files) {
  const form = new FormData();
  form.append(name, new Blob([JSON.stringify(json)], { type: "application/json" }));
  for (const file of files) form.append("file", file, file.name);
  return form;
}

function ifMatch(etag) {
  return etag ? { "If-Match": etag } : {};
}
