package com.orderengine.bench.temporal;

import java.util.List;

/**
 * The configuration of a single-process temporal-server 1.29 on PostgreSQL: all four services (frontend, history,
 * matching, worker) on loopback ports of their own, persistence and visibility in two databases of one PostgreSQL.
 * Shaped after Temporal's own {@code config/development-postgres12.yaml} and docker {@code config_template.yaml}.
 */
record TemporalServerConfig(
        int frontendPort,
        int frontendMembershipPort,
        int historyPort,
        int historyMembershipPort,
        int matchingPort,
        int matchingMembershipPort,
        int workerPort,
        int workerMembershipPort,
        int postgresPort,
        String user,
        String password) {

    /** Eight ports for the services, each a gRPC port and a membership port, in that order. */
    static TemporalServerConfig of(List<Integer> servicePorts, int postgresPort, String user, String password) {
        return new TemporalServerConfig(
                servicePorts.get(0),
                servicePorts.get(1),
                servicePorts.get(2),
                servicePorts.get(3),
                servicePorts.get(4),
                servicePorts.get(5),
                servicePorts.get(6),
                servicePorts.get(7),
                postgresPort,
                user,
                password);
    }

    String frontendAddress() {
        return "127.0.0.1:" + frontendPort;
    }

    String yaml() {
        return """
                # temporal-server 1.29 for the order engine's benchmark: one process, all services, on PostgreSQL.
                log:
                  stdout: true
                  level: warn

                persistence:
                  # As Temporal's docker auto-setup has it for one machine. Fixed for a cluster's life.
                  numHistoryShards: 4
                  defaultStore: default
                  visibilityStore: visibility
                  datastores:
                    default:
                      sql:
                        pluginName: postgres12
                        databaseName: %1$s
                        connectAddr: "127.0.0.1:%2$d"
                        connectProtocol: tcp
                        user: "%3$s"
                        password: "%4$s"
                        # The pool sizes of Temporal's docker config template.
                        maxConns: 20
                        maxIdleConns: 20
                        maxConnLifetime: 1h
                    visibility:
                      sql:
                        pluginName: postgres12
                        databaseName: %5$s
                        connectAddr: "127.0.0.1:%2$d"
                        connectProtocol: tcp
                        user: "%3$s"
                        password: "%4$s"
                        maxConns: 10
                        maxIdleConns: 10
                        maxConnLifetime: 1h

                global:
                  membership:
                    maxJoinDuration: 30s
                    broadcastAddress: 127.0.0.1

                # Free ports, not Temporal's 7233-7239 and 6933-6939: a developer's Temporal may hold those. Below
                # 32768: membership ports are stored in a SMALLINT column. No httpPort: the engine speaks gRPC, and 0
                # keeps the frontend's HTTP API closed.
                services:
                  frontend:
                    rpc:
                      grpcPort: %6$d
                      membershipPort: %7$d
                      bindOnIP: 127.0.0.1
                  history:
                    rpc:
                      grpcPort: %8$d
                      membershipPort: %9$d
                      bindOnIP: 127.0.0.1
                  matching:
                    rpc:
                      grpcPort: %10$d
                      membershipPort: %11$d
                      bindOnIP: 127.0.0.1
                  worker:
                    rpc:
                      grpcPort: %12$d
                      membershipPort: %13$d
                      bindOnIP: 127.0.0.1

                clusterMetadata:
                  enableGlobalNamespace: false
                  failoverVersionIncrement: 10
                  masterClusterName: active
                  currentClusterName: active
                  clusterInformation:
                    active:
                      enabled: true
                      initialFailoverVersion: 1
                      rpcName: frontend
                      rpcAddress: "127.0.0.1:%6$d"

                dcRedirectionPolicy:
                  policy: noop

                # No dynamicConfigClient: every dynamic setting keeps the server's default, as a plain production
                # install does. No metrics and no pprof listener: nothing here reads them.
                """.formatted(
                        PostgresTemporal.DATABASE,
                        postgresPort,
                        user,
                        password,
                        PostgresTemporal.VISIBILITY_DATABASE,
                        frontendPort,
                        frontendMembershipPort,
                        historyPort,
                        historyMembershipPort,
                        matchingPort,
                        matchingMembershipPort,
                        workerPort,
                        workerMembershipPort);
    }
}
