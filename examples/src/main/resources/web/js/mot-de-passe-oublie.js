import { api } from "./api.js";
import { frame, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("formulaire-oubli");
const summary = document.getElementById("resume-erreurs");
const success = document.getElementById("message-succes");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  success.replaceChildren();
  const identifier = form.identifier.value.trim();
  if (!identifier) {
    showErrors(form, summary, { message: "Le formulaire contient des erreurs.",
      fields: { identifier: "Saisissez votre identifiant." } });
    return;
  }
  const button = document.getElementById("envoyer-lien");
  button.disabled = true;
  try {
    const { data } = await api.askPasswordReset(identifier);
    success.textContent = data.detail;
    success.focus();
  } catch (error) {
    showErrors(form, summary, error);
  } finally {
    button.disabled = false;
  }
});

frame("connexion", { requireSession: false });
