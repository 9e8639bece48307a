import { adminFrame } from "./layout.js";

adminFrame("admin");
