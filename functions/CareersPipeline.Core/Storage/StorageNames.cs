namespace CareersPipeline.Core.Storage;

/// <summary>Every table, queue and container the pipeline uses, in one place so triggers and stores agree.</summary>
public static class StorageNames
{
    public static class Tables
    {
        public const string Applicants = "Applicants";
        public const string ReferenceData = "ReferenceData";
        public const string StaffUsers = "StaffUsers";
        public const string Opportunities = "Opportunities";
    }

    public static class Queues
    {
        public const string SignUps = "signups";
        public const string Emails = "emails";

        /// <summary>Public pages to re-render; the static site generator consumes it.</summary>
        public const string SiteChanges = "site-changes";
    }

    public static class Containers
    {
        public const string Outbox = "outbox";
    }

    public static IReadOnlyList<string> AllTables { get; } = [Tables.Applicants, Tables.ReferenceData, Tables.StaffUsers, Tables.Opportunities];

    public static IReadOnlyList<string> AllQueues { get; } = [Queues.SignUps, Queues.Emails, Queues.SiteChanges];

    public static IReadOnlyList<string> AllContainers { get; } = [Containers.Outbox];
}
