package no.tenantdesk.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import no.tenantdesk.domain.InvalidInputException;

/**
 * The settings file (YAML). Unknown keys are errors, so a misspelt setting is found the day it is written, not the
 * day it was needed. A missing default file means defaults; a missing file the user named is an error.
 */
public record Config(String database) {

    public static final Config DEFAULTS = new Config(null);

    public static Config load(Path file, boolean mustExist) {
        if (!mustExist && !Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            if (Files.size(file) == 0) {
                return DEFAULTS;
            }
            Config config = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), Config.class);
            return config == null ? DEFAULTS : config;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("config file " + file + " does not exist");
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("config file " + file + ": unknown setting '" + e.getPropertyName() + "'");
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidInputException("config file " + file + ": " + message);
        }
    }
}
