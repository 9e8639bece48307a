import { api } from "./api.js";
import { adminFrame, el, showErrors, clearErrors } from "./layout.js";

const FIELDS = { uai: "Code UAI", establishment: "Code UAI", name: "Nom", kind: "Type", commune: "Commune",
  department: "Département", file: "Fichier" };

const summary = document.getElementById("resume-erreurs");
const search = document.getElementById("recherche");
const results = document.getElementById("resultats");
const rows = document.getElementById("etablissements");
const caption = document.getElementById("titre-resultats");
const importForm = document.getElementById("import");
const importErrors = document.getElementById("import-erreurs");
const report = document.getElementById("rapport");

/** "1 établissement", "2 établissements". */
function plural(count, word) {
  return `${count.toLocaleString("fr-FR")} ${word}${count > 1 ? "s" : ""}`;
}

search.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(search, summary);
  try {
    const found = (await api.establishments(search.q.value)).data;
    rows.replaceChildren(...found.map((e) => el("tr", {},
      el("td", {}, e.name), el("td", {}, e.kind || "—"), el("td", {}, e.commune || "—"),
      el("td", {}, e.department), el("td", {}, e.uai))));
    caption.textContent = found.length ? `Établissements trouvés : ${found.length}`
      : "Aucun établissement ne correspond à cette recherche.";
    results.hidden = false;
  } catch (error) {
    results.hidden = true;
    showErrors(search, summary, error);
  }
});

importForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(importForm, importErrors);
  const file = importForm.file.files[0];
  if (!file) {
    showErrors(importForm, importErrors, { message: "Choisissez un fichier CSV.",
      fields: { file: "Choisissez un fichier CSV." } });
    return;
  }
  const button = document.getElementById("importer");
  button.disabled = true;
  try {
    const data = (await api.importEstablishments(file)).data;
    document.getElementById("rapport-lignes").replaceChildren(...data.lines.map((line) => el("tr", {},
      el("td", {}, String(line.line)),
      el("td", {}, line.uai || "—"),
      el("td", {}, el("ul", {}, line.errors.map((e) => el("li", {}, `${FIELDS[e.field] || "Ligne"} : ${e.message}`)))))));
    document.getElementById("table-refus").hidden = data.lines.length === 0;
    report.hidden = false;
    const bilan = document.getElementById("bilan");
    bilan.textContent = `Import terminé : ${plural(data.added, "établissement")} ajouté(s), `
      + `${data.updated.toLocaleString("fr-FR")} mis à jour, ${data.unchanged.toLocaleString("fr-FR")} inchangé(s), `
      + `${plural(data.refused, "ligne")} refusée(s).`;
    bilan.focus();
  } catch (error) {
    report.hidden = true;
    showErrors(importForm, importErrors, error);
  } finally {
    button.disabled = false;
  }
});

await adminFrame("admin");
