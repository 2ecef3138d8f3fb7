package io.sluice.client.cli;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.GlobalConfiguration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import io.sluice.runtime.configuration.RestOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the cluster's REST API is: {@code -m host:port} when given, else {@code rest.address} and
 * {@code rest.port} of the configuration ({@code sluice.yaml} in {@code $SLUICE_CONF_DIR}, else in
 * {@code conf/} of the distribution), else the defaults ({@code 127.0.0.1:8081}) when there is no
 * configuration file.
 */
final class ClusterAddress {
    private ClusterAddress() {}

    /**
     * @param jobManager the {@code -m} value, or null
     * @param env the environment ({@code SLUICE_CONF_DIR}, {@code SLUICE_HOME})
     * @param sluiceHome the {@code sluice.home} system property, or null
     */
    static URI resolve(String command, String jobManager, Map<String, String> env, String sluiceHome)
            throws CliException {
        if (jobManager != null) {
            return parse(command, jobManager);
        }
        Path confDir = GlobalConfiguration.configurationDirectory(env, sluiceHome);
        Configuration conf;
        if (Files.exists(confDir.resolve(GlobalConfiguration.CONFIG_FILE_NAME))) {
            try {
                conf = GlobalConfiguration.loadConfiguration(confDir, Map.of());
            } catch (IllegalConfigurationException e) {
                throw new CliException(command + ": " + e.getMessage());
            }
        } else {
            conf = new Configuration();
        }
        return uri(conf.get(RestOptions.ADDRESS), conf.get(RestOptions.PORT));
    }

    /** {@code host:port} ({@code [v6address]:port} for IPv6) to {@code http://host:port}. */
    static URI parse(String command, String hostPort) throws CliException {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? "" : hostPort.substring(0, colon).trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new CliException(command + ": -m must be host:port of the cluster's REST endpoint (for example"
                    + " 127.0.0.1:8081), was '" + hostPort + "'");
        }
        return uri(host, port);
    }

    private static URI uri(String host, int port) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }
}
