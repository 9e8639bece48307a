package fr.guichet.core.testing;

import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.port.SettingsStore;
import java.util.Objects;

/** The stored settings in memory. */
public final class InMemorySettingsStore implements SettingsStore {

    private final InMemoryDatabase db;

    public InMemorySettingsStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public StoredSettings load() {
        return db.read(s -> s.storedSettings);
    }

    @Override
    public void save(StoredSettings settings) {
        Objects.requireNonNull(settings, "settings");
        db.write(s -> s.storedSettings = settings);
    }
}
