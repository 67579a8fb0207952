package dev.aiworkbench.llm;

import java.net.URI;
import java.util.Optional;

/**
 * The address of the Ollama server, read from {@code OLLAMA_HOST} the way the ollama CLI reads it:
 * {@code host}, {@code host:port}, {@code :port}, or a URL with http/https (default port 11434 without a
 * scheme, 80 or 443 with one). A listen-all address (0.0.0.0, ::) means this machine.
 */
public record OllamaEndpoint(URI baseUri, String source) {
    public static final String ENVIRONMENT_VARIABLE = "OLLAMA_HOST";
    public static final URI DEFAULT = URI.create("http://127.0.0.1:11434");

    /** The command line's address if given, else the environment's, else the default. */
    public static OllamaEndpoint fromEnvironment(Optional<String> override) {
        return resolve(override, Optional.empty(), System.getenv());
    }

    /**
     * Which address wins: {@code --ollama-url}, then the address saved in Settings, then
     * {@code OLLAMA_HOST}, then http://127.0.0.1:11434.
     */
    public static OllamaEndpoint resolve(Optional<String> commandLine, Optional<String> saved,
                                         java.util.Map<String, String> environment) {
        if (commandLine.isPresent() && !commandLine.get().isBlank()) {
            return new OllamaEndpoint(parse(commandLine.get()), "--ollama-url");
        }
        if (saved.isPresent() && !saved.get().isBlank()) {
            return new OllamaEndpoint(parse(saved.get()), "Settings");
        }
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value != null && !value.isBlank()) {
            return new OllamaEndpoint(parse(value), ENVIRONMENT_VARIABLE);
        }
        return new OllamaEndpoint(DEFAULT, "default");
    }

    /** Parses the forms {@code OLLAMA_HOST} accepts. */
    public static URI parse(String value) {
        String text = value.strip();
        String scheme = "http";
        String defaultPort = "11434";
        int separator = text.indexOf("://");
        if (separator >= 0) {
            scheme = text.substring(0, separator).toLowerCase(java.util.Locale.ROOT);
            text = text.substring(separator + 3);
            if (scheme.equals("http")) {
                defaultPort = "80";
            } else if (scheme.equals("https")) {
                defaultPort = "443";
            } else {
                throw new IllegalArgumentException("'" + value + "' is not an Ollama address: use http:// or https://");
            }
        }
        String path = "";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            path = text.substring(slash);
            text = text.substring(0, slash);
        }
        String host = text;
        String port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = text.substring(1, Math.max(1, close));
            if (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == ':') {
                port = text.substring(close + 2);
            }
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.contains(":")) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            port = defaultPort;
        }
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        String authority = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        return URI.create(scheme + "://" + authority + (path.equals("/") ? "" : path));
    }
}
