package fr.guichet.core.port;

/** What the figures of requests are grouped by: the allow-list of {@link StatisticsQuery}'s keys. */
public enum StatisticsGrouping {
    /** The month of filing in the deployment's zone, keyed {@code yyyy-MM}. */
    MONTH,
    /** The subject, rolled up to the subjects the query names; keyed by subject code. */
    SUBJECT,
    /** The requester's establishment, keyed by UAI; requests of none under the empty key. */
    ESTABLISHMENT,
    /** The département of the requester's establishment in the directory; unknown ones under the empty key. */
    DEPARTMENT,
    /** The support group the request is assigned to, keyed by group code. */
    GROUP
}
