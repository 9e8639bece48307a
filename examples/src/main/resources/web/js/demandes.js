import { api } from "./api.js";
import { frame, el, showErrors, schoolYearStart } from "./layout.js";
import { requestLine, pagination } from "./lines.js";

const list = document.getElementById("liste");
const nav = document.getElementById("pagination");
const title = document.getElementById("titre-liste");
const summary = document.getElementById("resume-erreurs");
const yearForm = document.getElementById("choix-annee");
const params = new URLSearchParams(window.location.search);

/** The current school year and the four before it, as "2026-2027", newest first. */
function schoolYears() {
  const start = schoolYearStart();
  return Array.from({ length: 5 }, (_, i) => `${start - i}-${start - i + 1}`);
}

let currentPage = 1;

async function show(page) {
  try {
    const { data } = await api.list({ scope: "mine", schoolYear: yearForm.schoolYear.value, page, size: 20 });
    document.getElementById("exporter").href = `/api/v1/requests.csv?${new URLSearchParams({
      scope: "mine", schoolYear: yearForm.schoolYear.value })}`;
    list.replaceChildren(...data.items.map((line) => requestLine(line)));
    if (data.items.length === 0) list.append(el("li", {}, "Aucune demande pour cette année scolaire."));
    const count = pagination(nav, data, show);
    title.textContent = `Liste de mes dernières demandes ${count}`;
    if (page !== currentPage) title.focus();
    currentPage = page;
  } catch (error) {
    showErrors(yearForm, summary, error);
  }
}

yearForm.addEventListener("submit", (event) => {
  event.preventDefault();
  show(1);
});

await frame("demandes");
for (const year of schoolYears()) yearForm.schoolYear.append(el("option", { value: year }, year));
const filed = params.get("deposee");
if (filed) {
  document.getElementById("message-succes").textContent =
    `Votre demande ${filed} a été enregistrée. Vous recevrez les réponses par courrier électronique.`;
}
show(1);
