// Administration: the settings that change at run time, saved with If-Match; read-only ones shown disabled.
import { api } from "./api.js";
import { adminFrame, clearErrors, el, showErrors } from "./layout.js";

const form = document.getElementById("parametres");
const summary = document.getElementById("resume-erreurs");
const success = document.getElementById("message-succes");

/** The number settings, with what to say when the field holds no whole number. */
const NUMBERS = {
  reopenWindowDays: "Indiquez le délai de réouverture : un nombre entier de jours, de 1 à 365.",
  autoCloseWaitingDays: "Indiquez le délai de clôture automatique : un nombre entier de jours, de 1 à 365.",
  retentionSchoolYears: "Indiquez la durée de conservation : un nombre entier d'années scolaires, de 1 à 10.",
};

/** The ETag of the settings shown, sent back as If-Match. */
let etag = null;

function render(settings, response) {
  etag = response.headers.get("ETag");
  for (const [name, setting] of Object.entries(settings)) {
    const input = form.elements.namedItem(name);
    if (!input) continue;
    input.value = Array.isArray(setting.value) ? setting.value.join("\n") : String(setting.value);
    input.disabled = setting.readOnly;
    input.closest(".champ").querySelector(".fixe").hidden = !setting.readOnly;
  }
}

/** One domain a line or between commas. */
function domains(text) {
  return text.split(/[\r\n,;]+/).map((d) => d.trim()).filter((d) => d);
}

/** The values of the fields that may change, and the fields whose value is no whole number. */
function read() {
  const changes = {};
  const errors = {};
  for (const [name, message] of Object.entries(NUMBERS)) {
    const input = form.elements.namedItem(name);
    if (input.disabled) continue;
    const value = input.value.trim();
    if (!/^[0-9]{1,9}$/.test(value)) errors[name] = message;
    else changes[name] = Number(value);
  }
  const mailDomains = form.elements.namedItem("mailDomains");
  if (!mailDomains.disabled) changes.mailDomains = domains(mailDomains.value);
  return { changes, errors };
}

async function load() {
  clearErrors(form, summary);
  try {
    const { data, response } = await api.adminSettings();
    render(data, response);
  } catch (error) {
    showErrors(form, summary, error);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  success.textContent = "";
  clearErrors(form, summary);
  const { changes, errors } = read();
  if (Object.keys(errors).length) {
    showErrors(form, summary, { message: "Des paramètres sont à corriger.", fields: errors });
    return;
  }
  try {
    const { data, response } = await api.changeAdminSettings(changes, etag);
    render(data, response);
    success.textContent = "Les paramètres ont été enregistrés : ils s'appliquent dès maintenant, sur tous les serveurs.";
    success.focus();
  } catch (error) {
    if (error.status === 412) {
      error.message = "Les paramètres ont été modifiés entre-temps par quelqu'un d'autre : rechargez-les pour voir "
        + "leurs valeurs actuelles avant de recommencer.";
      showErrors(form, summary, error);
      summary.append(el("button", { class: "bouton secondaire", type: "button", onclick: load },
        "Recharger les paramètres"));
    } else {
      showErrors(form, summary, error);
    }
  }
});

const retention = {
  section: document.getElementById("conservation-donnees"),
  errors: document.getElementById("erreur-conservation-donnees"),
  report: document.getElementById("bilan-conservation"),
  confirmation: document.getElementById("confirmation-anonymisation"),
  question: document.getElementById("question-anonymisation"),
  run: document.getElementById("anonymiser"),
};

const NUMBER = new Intl.NumberFormat("fr-FR");

/** "1 234 demandes", "1 demande", "aucune demande". */
function count(n, one, many, none) {
  if (n === 0) return none;
  return `${NUMBER.format(n)}\u00a0${n > 1 ? many : one}`;
}

/**
 * What a report says, in French: what a run now would touch (a dry run) or what the run did, each count worded to
 * agree with its lead.
 */
function describe(report) {
  const day = new Date(`${report.closedBefore}T12:00:00Z`).toLocaleDateString("fr-FR",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).replace(/^1 /, "1er ");
  const sessions = report.sessions + report.passwordResets;
  const counts = report.dryRun ? [
    count(report.requests, "demande close", "demandes closes", "aucune demande close") + ` avant le ${day}`,
    count(report.files, "fichier", "fichiers", "aucun fichier"),
    count(report.people, "compte désactivé", "comptes désactivés", "aucun compte désactivé"),
    count(report.outboxRows, "courriel de la file d'envoi", "courriels de la file d'envoi",
      "aucun courriel de la file d'envoi"),
    count(sessions, "session ou lien expiré", "sessions ou liens expirés", "aucune session ni lien expiré"),
  ] : [
    count(report.requests, "demande anonymisée", "demandes anonymisées", "aucune demande anonymisée")
      + ` (closes avant le ${day})`,
    count(report.files, "fichier supprimé", "fichiers supprimés", "aucun fichier supprimé"),
    count(report.people, "compte anonymisé", "comptes anonymisés", "aucun compte anonymisé"),
    count(report.outboxRows, "courriel effacé de la file d'envoi", "courriels effacés de la file d'envoi",
      "aucun courriel effacé de la file d'envoi"),
    count(sessions, "session ou lien expiré effacé", "sessions ou liens expirés effacés",
      "aucune session ni lien expiré effacé"),
  ];
  const lead = report.dryRun ? "Une anonymisation maintenant toucherait :" : "Anonymisation faite :";
  return el("div", {}, el("p", {}, lead),
    el("ul", {}, ...counts.map((c) => el("li", {}, c))));
}

async function runRetention(dryRun) {
  clearErrors(retention.section, retention.errors);
  retention.report.replaceChildren();
  try {
    const { data } = await api.runRetention(dryRun);
    retention.report.replaceChildren(describe(data));
    return data;
  } catch (error) {
    showErrors(retention.section, retention.errors, error);
    return null;
  }
}

document.getElementById("estimer").addEventListener("click", () => runRetention(true));

retention.run.addEventListener("click", async () => {
  const report = await runRetention(true);
  if (!report) return;
  retention.question.textContent = `Anonymiser maintenant ${count(report.requests, "demande close",
    "demandes closes", "aucune demande close")} et ${count(report.people, "compte désactivé", "comptes désactivés",
    "aucun compte désactivé")} ? Cette opération est définitive.`;
  retention.confirmation.hidden = false;
  document.getElementById("confirmer-anonymisation").focus();
});

document.getElementById("confirmer-anonymisation").addEventListener("click", async () => {
  retention.confirmation.hidden = true;
  await runRetention(false);
  retention.report.focus();
});

document.getElementById("renoncer-anonymisation").addEventListener("click", () => {
  retention.confirmation.hidden = true;
  retention.run.focus();
});

await adminFrame("admin");
await load();
