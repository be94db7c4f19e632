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

        // Privacy: consents (current and history), equality monitoring (apart from identity), staff access audit, anonymous counts.
        public const string Consents = "Consents";
        public const string Equality = "Equality";
        public const string Audit = "Audit";
        public const string Aggregates = "Aggregates";

        /// <summary>Levy-transfer pledges, each with its applications in its partition (so approvals are one transaction).</summary>
        public const string LevyTransfers = "LevyTransfers";

        /// <summary>Each person's stored matches and match preferences (PartitionKey = PersonKey, one row).</summary>
        public const string Matches = "Matches";

        /// <summary>Matching profiles by area (PartitionKey = area), so a new opportunity finds the people near it.</summary>
        public const string MatchAreas = "MatchAreas";

        /// <summary>Who saved what (PartitionKey = candidate id), for closing-soon reminders.</summary>
        public const string MatchSaves = "MatchSaves";

        /// <summary>
        /// Lookups from what someone typed to the records it names (<see cref="People.PersonDirectory"/>): an address to
        /// its person and its sign-ups, a submission to the sign-up it made. Keys are hashes, never the values.
        /// </summary>
        public const string PeopleIndex = "PeopleIndex";

        /// <summary>Single emails handed over, per recipient and message (<see cref="Email.SentEmailLog"/>): keys are hashes.</summary>
        public const string SentEmails = "SentEmails";

        /// <summary>Advisers' caseloads (PartitionKey = adviser's subject id, RowKey = applicant id).</summary>
        public const string Caseloads = "Caseloads";

        /// <summary>Outreach cases and their timelines (PartitionKey = applicant id), and advisers' teams.</summary>
        public const string Cases = "Cases";

        /// <summary>Staff forms in progress across question pages (PartitionKey = staff subject id, RowKey = form id).</summary>
        public const string StaffForms = "StaffForms";

        /// <summary>Runs of the long jobs (site rebuild, national import): PartitionKey = kind, newest first.</summary>
        public const string Runs = "Runs";

        /// <summary>
        /// Job applications (PartitionKey = opportunity id: each application, its status events and a row per applicant
        /// that makes applying twice find the first), and each person's list of them (PartitionKey = "person-{person key}").
        /// </summary>
        public const string Applications = "Applications";

        /// <summary>Dated moves along the Journey to Work (PartitionKey = person key), the raw material of the figures.</summary>
        public const string JourneyEvents = "JourneyEvents";

        /// <summary>The last error of each queue message that failed (PartitionKey = queue, RowKey = hash of the message), shown beside a poisoned one.</summary>
        public const string QueueFailures = "QueueFailures";

        /// <summary>
        /// The figures: anonymous counts summarised from the journey events (PartitionKey = "live-{week}" or
        /// "erased-{week}", RowKey = "{measure}|{door}"). No person keys.
        /// </summary>
        public const string Figures = "Figures";
    }

    public static class Queues
    {
        public const string SignUps = "signups";
        public const string Emails = "emails";

        /// <summary>Public pages to re-render; the static site generator consumes it.</summary>
        public const string SiteChanges = "site-changes";

        /// <summary>Levy-transfer emails to send: an application id and which change, nothing else.</summary>
        public const string LevyEmails = "levy-emails";

        /// <summary>People to match again (a sign-up processed, a profile changed): an applicant id.</summary>
        public const string MatchPeople = "match-people";

        /// <summary>Candidates that opened, changed or closed: a candidate id; the people near it are matched again.</summary>
        public const string MatchCandidates = "match-candidates";

        /// <summary>What follows a change to a job application (emails, the person's list, journey, filling the vacancy): ids only.</summary>
        public const string Applications = "applications";

        /// <summary>"Continue your application" emails asked for on an opportunity's page: an applicant id and an opportunity id.</summary>
        public const string ApplicationLinks = "application-links";
    }

    /// <summary>Where a queue's messages go after their last failed attempt (the Functions host's naming, and the local runtime's).</summary>
    public static string PoisonQueueOf(string queue) => queue + "-poison";

    public static class Containers
    {
        public const string Outbox = "outbox";

        /// <summary>The storage account's static website: the careers site, written by the site generator.</summary>
        public const string Web = "$web";

        /// <summary>The site generator's own index of what it published (private).</summary>
        public const string SiteState = "site-state";

        /// <summary>The ASP.NET Core Data Protection key ring every instance shares (private): staff sign-in cookies and antiforgery tokens.</summary>
        public const string DataProtection = "data-protection";
    }

    public static IReadOnlyList<string> AllTables { get; } = [Tables.Applicants, Tables.ReferenceData, Tables.StaffUsers, Tables.Opportunities, Tables.Consents, Tables.Equality, Tables.Audit, Tables.Aggregates, Tables.LevyTransfers, Tables.Matches, Tables.MatchAreas, Tables.MatchSaves, Tables.Caseloads, Tables.PeopleIndex, Tables.StaffForms, Tables.Runs, Tables.SentEmails, Tables.Applications, Tables.JourneyEvents, Tables.Cases, Tables.QueueFailures, Tables.Figures];

    public static IReadOnlyList<string> AllQueues { get; } = [Queues.SignUps, Queues.Emails, Queues.SiteChanges, Queues.LevyEmails, Queues.MatchPeople, Queues.MatchCandidates, Queues.Applications, Queues.ApplicationLinks];

    // $web is not here: in Azure it exists once the static website is switched on (infra/hooks/postprovision.sh).
    public static IReadOnlyList<string> AllContainers { get; } = [Containers.Outbox, Containers.SiteState, Containers.DataProtection];
}
