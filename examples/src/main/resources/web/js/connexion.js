import { api, rememberCsrf } from "./api.js";
import { frame, frontPage, isStaff, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("formulaire-connexion");
const summary = document.getElementById("resume-erreurs");

/**
 * Where to go after signing in: the page of this front that asked for it, else the queue for staff and the list of
 * one's requests for a requester.
 */
function target(person) {
  const back = new URLSearchParams(window.location.search).get("retour");
  return (back && frontPage(back)) || (isStaff(person) ? "/file.html" : "/demandes.html");
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const identifier = form.identifier.value.trim();
  const password = form.password.value;
  const missing = {};
  if (!identifier) missing.identifier = "Saisissez votre identifiant.";
  if (!password) missing.password = "Saisissez votre mot de passe.";
  if (Object.keys(missing).length) {
    showErrors(form, summary, { message: "Le formulaire contient des erreurs.", fields: missing });
    return;
  }
  const button = document.getElementById("se-connecter");
  button.disabled = true;
  try {
    const { data } = await api.signIn(identifier, password, form.remember.checked);
    rememberCsrf(data.csrfToken);
    window.location.assign(target(data.person));
  } catch (error) {
    form.password.value = "";
    showErrors(form, summary, error);
  } finally {
    button.disabled = false;
  }
});

frame("connexion", { requireSession: false }).then((person) => {
  if (person) window.location.replace(target(person));
});
