import { frame } from "./layout.js";

frame("accueil", { requireSession: false });
