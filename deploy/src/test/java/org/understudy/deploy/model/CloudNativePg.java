package org.understudy.deploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The fields of CloudNativePG's kinds (postgresql.cnpg.io/v1 Cluster, Database, ScheduledBackup) and
 * of its Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1) that the deployment uses, named as
 * in the operators' API references (postgresql.cnpg.io/v1, barmancloud.cnpg.io/v1): CloudNativePG publishes no
 * Java model.
 * A field not listed here is refused as unknown; one marked required must be present.
 */
public final class CloudNativePg {
    private CloudNativePg() {
    }

    public record Metadata(@JsonProperty(required = true) String name, String namespace,
                           Map<String, String> labels, Map<String, String> annotations) {
    }

    public record Cluster(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
                          @JsonProperty(required = true) Metadata metadata, @JsonProperty(required = true) ClusterSpec spec) {
    }

    public record ClusterSpec(@JsonProperty(required = true) Integer instances, String imageName,
                              Boolean enableSuperuserAccess, PostgresConfiguration postgresql,
                              @JsonProperty(required = true) Storage storage, Storage walStorage,
                              Resources resources, Managed managed, List<Plugin> plugins,
                              Monitoring monitoring, String primaryUpdateStrategy) {
    }

    public record PostgresConfiguration(Map<String, String> parameters, List<String> pg_hba) {
    }

    public record Storage(@JsonProperty(required = true) String size, String storageClass) {
    }

    public record Resources(Map<String, String> requests, Map<String, String> limits) {
    }

    public record Managed(List<Role> roles) {
    }

    public record Role(@JsonProperty(required = true) String name, String ensure, Boolean login, Boolean superuser,
                       Boolean createdb, Boolean createrole, Integer connectionLimit, List<String> inRoles,
                       SecretName passwordSecret, String comment) {
    }

    public record SecretName(@JsonProperty(required = true) String name) {
    }

    public record SecretKey(@JsonProperty(required = true) String name, @JsonProperty(required = true) String key) {
    }

    public record Plugin(@JsonProperty(required = true) String name, Boolean enabled, Boolean isWALArchiver,
                         Map<String, String> parameters) {
    }

    public record Monitoring(Boolean enablePodMonitor) {
    }

    public record Database(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
                           @JsonProperty(required = true) Metadata metadata, @JsonProperty(required = true) DatabaseSpec spec) {
    }

    public record DatabaseSpec(@JsonProperty(required = true) String name, @JsonProperty(required = true) String owner,
                               @JsonProperty(required = true) SecretName cluster, String ensure,
                               String databaseReclaimPolicy, String encoding) {
    }

    public record ScheduledBackup(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
                                  @JsonProperty(required = true) Metadata metadata,
                                  @JsonProperty(required = true) ScheduledBackupSpec spec) {
    }

    public record ScheduledBackupSpec(@JsonProperty(required = true) String schedule,
                                      @JsonProperty(required = true) SecretName cluster, String backupOwnerReference,
                                      String method, Boolean immediate, Boolean suspend,
                                      PluginConfiguration pluginConfiguration) {
    }

    public record PluginConfiguration(@JsonProperty(required = true) String name, Map<String, String> parameters) {
    }

    public record ObjectStore(@JsonProperty(required = true) String apiVersion, @JsonProperty(required = true) String kind,
                              @JsonProperty(required = true) Metadata metadata, @JsonProperty(required = true) ObjectStoreSpec spec) {
    }

    public record ObjectStoreSpec(@JsonProperty(required = true) BarmanObjectStoreConfiguration configuration,
                                  String retentionPolicy) {
    }

    public record BarmanObjectStoreConfiguration(@JsonProperty(required = true) String destinationPath,
                                                 String endpointURL, S3Credentials s3Credentials,
                                                 Compression wal, Compression data) {
    }

    public record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey, SecretKey region,
                                Boolean inheritFromIAMRole) {
    }

    public record Compression(String compression, String encryption, Integer maxParallel, Integer jobs) {
    }
}
