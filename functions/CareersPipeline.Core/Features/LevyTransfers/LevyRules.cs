namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>The levy-transfer rules as the national service runs them, in one place.</summary>
public static class LevyRules
{
    /// <summary>The smallest pledge; a pledge also closes when less than this remains.</summary>
    public const decimal MinimumPledge = 2_000m;

    public const decimal MaximumPledge = 10_000_000m;

    /// <summary>The highest apprenticeship funding band.</summary>
    public const decimal MaximumFundingBand = 27_000m;

    public const int MaximumApprentices = 100;

    public const int MaximumDetailsWords = 200;

    public const int MaximumReasonLength = 500;

    /// <summary>Delayed auto-approval waits this long after the application is made.</summary>
    public static readonly TimeSpan DelayedApprovalAfter = TimeSpan.FromDays(42);

    /// <summary>Pending longer than this, and not auto-approvable: rejected.</summary>
    public const int PendingMonthsBeforeRejection = 3;

    /// <summary>Approved but not accepted within this: declined.</summary>
    public static readonly TimeSpan AcceptWithin = TimeSpan.FromDays(42);

    /// <summary>Accepted but the funds not used within this: expired.</summary>
    public const int AcceptedMonthsBeforeExpiry = 3;

    /// <summary>What applicants see instead of the name of a pledge whose owner chose not to show it.</summary>
    public const string AnonymousEmployerName = "A levy-paying employer";

    /// <summary>Who the history names for the service's own moves.</summary>
    public static class Systems
    {
        public const string AutoApproval = "system:auto-approval";
        public const string AutoRejection = "system:auto-rejection";
        public const string AutoDecline = "system:auto-decline";
        public const string Expiry = "system:expiry";
        public const string PledgeClosing = "system:pledge-closing";

        public static bool IsSystem(string by) => by.StartsWith("system:", StringComparison.Ordinal);
    }
}
