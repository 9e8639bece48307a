package fr.guichet.core.port;

import fr.guichet.core.domain.admin.StoredSettings;

/** Keeps the settings changed at run time, shared by every node; each call joins the open transaction. */
public interface SettingsStore {

    /** What is stored, {@link StoredSettings#NONE} when nothing ever was. */
    StoredSettings load();

    /** Replaces what is stored. */
    void save(StoredSettings settings);
}
