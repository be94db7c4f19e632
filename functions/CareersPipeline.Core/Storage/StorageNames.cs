namespace CareersPipeline.Core.Storage;

/// <summary>Every table, queue and container the pipeline uses, in one place so triggers and stores agree.</summary>
public static class StorageNames
{
    public static class Tables
    {
        public const string Applicants = "Applicants";
        public const string ReferenceData = "ReferenceData";
        public const string StaffUsers = "StaffUsers";
    }

    public static class Queues
    {
        public const string SignUps = "signups";
        public const string Emails = "emails";
    }

    public static class Containers
    {
        public const string Outbox = "outbox";
    }

    public static IReadOnlyList<string> AllTables { get; } = [Tables.Applicants, Tables.ReferenceData, Tables.StaffUsers];

    public static IReadOnlyList<string> AllQueues { get; } = [Queues.SignUps, Queues.Emails];

    public static IReadOnlyList<string> AllContainers { get; } = [Containers.Outbox];
}
