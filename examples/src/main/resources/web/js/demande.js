import { api, withFiles } from "./api.js";
import { checkedFiles } from "./fichiers.js";
import { frame, el, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("formulaire-demande");
const summary = document.getElementById("resume-erreurs");
const chosen = new URLSearchParams(window.location.search).get("sujet");
const idempotencyKey = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();

function leaves(node, out) {
  if (node.children.length === 0) out.push(node);
  for (const child of node.children) leaves(child, out);
  return out;
}

function find(nodes, code) {
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = find(node.children, code);
    if (found) return found;
  }
  return null;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const request = {
    subject: form.subject.value,
    type: form.type.value,
    summary: form.summary.value,
    description: form.description.value,
    visibility: form.visibility.value,
  };
  const missing = {};
  if (!request.subject) missing.subject = "Précisez le sujet.";
  if (!request.type) missing.type = "Choisissez le type de demande.";
  if (!request.summary.trim()) missing.summary = "Le résumé est obligatoire.";
  if (!request.description.trim()) missing.description = "La description est obligatoire.";
  if (Object.keys(missing).length) {
    showErrors(form, summary, { message: "Le formulaire contient des erreurs.", fields: missing });
    return;
  }
  let files;
  try {
    files = checkedFiles(form.file);
  } catch (error) {
    showErrors(form, summary, error);
    return;
  }
  const body = withFiles("request", request, files);
  const button = document.getElementById("soumettre");
  button.disabled = true;
  button.textContent = "Envoi en cours…";
  try {
    const { data } = await api.file(body, idempotencyKey);
    window.location.assign(`/demandes.html?deposee=${encodeURIComponent(data.number)}`);
  } catch (error) {
    showErrors(form, summary, error);
  } finally {
    button.disabled = false;
    button.textContent = "Soumettre la demande";
  }
});

await frame("nouvelle");
try {
  const [subjects, types] = await Promise.all([api.subjects(), api.requestTypes()]);
  const root = find(subjects.data, chosen);
  if (!root) {
    window.location.replace("/demande-sujet.html");
  } else {
    document.getElementById("sujet-choisi").textContent = `Sujet choisi : ${root.display}`;
    const options = leaves(root, []);
    if (options.length > 1) form.subject.append(el("option", { value: "" }, "— Précisez le sujet —"));
    for (const leaf of options) form.subject.append(el("option", { value: leaf.code }, leaf.display));
    for (const type of types.data) form.type.append(el("option", { value: type.code }, type.label));
  }
} catch (error) {
  showErrors(form, summary, error);
}
