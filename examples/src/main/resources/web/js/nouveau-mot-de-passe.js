import { api } from "./api.js";
import { el, frame, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("formulaire-nouveau");
const summary = document.getElementById("resume-erreurs");
const success = document.getElementById("message-succes");
const otherLink = document.getElementById("autre-lien");

// The link's token travels in the fragment, which no request carries; it leaves the address bar at once.
const token = window.location.hash.slice(1);
history.replaceState(null, "", window.location.pathname);

function linkUnusable(message) {
  form.hidden = true;
  otherLink.hidden = false;
  showErrors(form, summary, { message });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const password = form.password.value;
  const faults = {};
  const length = [...password].length;
  if (length < 12) faults.password = "Le mot de passe doit comporter au moins 12 caractères.";
  if (length > 256) faults.password = "Le mot de passe doit comporter au plus 256 caractères.";
  if (form.confirmation.value !== password) faults.confirmation = "Les deux saisies ne sont pas identiques.";
  if (Object.keys(faults).length) {
    showErrors(form, summary, { message: "Le formulaire contient des erreurs.", fields: faults });
    return;
  }
  const button = document.getElementById("enregistrer");
  button.disabled = true;
  try {
    await api.resetPassword(token, password);
    form.reset();
    form.hidden = true;
    success.replaceChildren(
      el("p", {}, "Votre mot de passe a été changé. Vos sessions ouvertes ont été fermées."),
      el("p", {}, el("a", { href: "/connexion.html", id: "aller-connexion" }, "Se connecter avec le nouveau mot de passe")));
    success.focus();
  } catch (error) {
    if (error.status === 404) {
      linkUnusable(error.message);
    } else {
      showErrors(form, summary, error);
    }
  } finally {
    button.disabled = false;
  }
});

frame("connexion", { requireSession: false }).then(() => {
  if (!token) linkUnusable("Ce lien est incomplet : ouvrez le lien reçu par message, ou demandez-en un nouveau.");
});
