using CareersPipeline.Core.Features.LevyTransfers;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class PledgeApplicationLifecycleTests
{
    private delegate ApplicationTransition Move(PledgeApplication application, string by, DateTimeOffset now, string? reason);

    private static readonly Dictionary<ApplicationStatus, Move> MoveTo = new()
    {
        [ApplicationStatus.Approved] = PledgeApplicationLifecycle.Approve,
        [ApplicationStatus.Rejected] = PledgeApplicationLifecycle.Reject,
        [ApplicationStatus.Withdrawn] = PledgeApplicationLifecycle.Withdraw,
        [ApplicationStatus.Accepted] = PledgeApplicationLifecycle.Accept,
        [ApplicationStatus.Declined] = PledgeApplicationLifecycle.Decline,
        [ApplicationStatus.Pending] = PledgeApplicationLifecycle.RevertToPending,
        [ApplicationStatus.FundsUsed] = PledgeApplicationLifecycle.MarkFundsUsed,
        [ApplicationStatus.FundsExpired] = PledgeApplicationLifecycle.Expire,
        [ApplicationStatus.WithdrawnAfterAcceptance] = PledgeApplicationLifecycle.WithdrawAfterAcceptance,
    };

    private static readonly HashSet<(ApplicationStatus, ApplicationStatus)> Legal =
    [
        (ApplicationStatus.Pending, ApplicationStatus.Approved),
        (ApplicationStatus.Pending, ApplicationStatus.Rejected),
        (ApplicationStatus.Pending, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Approved, ApplicationStatus.Accepted),
        (ApplicationStatus.Approved, ApplicationStatus.Declined),
        (ApplicationStatus.Approved, ApplicationStatus.Pending),
        (ApplicationStatus.Accepted, ApplicationStatus.FundsUsed),
        (ApplicationStatus.Accepted, ApplicationStatus.FundsExpired),
        (ApplicationStatus.Accepted, ApplicationStatus.WithdrawnAfterAcceptance),
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus> AllPairs()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var to in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Pending || from != ApplicationStatus.Pending))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EveryMethod_FromEveryStatus_MovesOnlyWhereTheStateMachineAllows(ApplicationStatus from, ApplicationStatus to)
    {
        var application = LevyTestData.Application(from);
        var when = LevyTestData.Now.AddDays(3);

        var result = MoveTo[to](application, "employer-uhnm", when, "  because  ");

        if (Legal.Contains((from, to)))
        {
            Assert.Null(result.Error);
            var moved = result.Application!;
            Assert.Equal(to, moved.Status);
            Assert.Equal(when, moved.StatusChangedAt);
            Assert.Equal(new ApplicationStatusChange(from, to, when, "employer-uhnm", "because"), Assert.Single(moved.History));
        }
        else
        {
            Assert.Null(result.Application);
            Assert.Equal($"An application that is {from} cannot become {to}.", result.Error);
        }
    }

    [Fact]
    public void NextFrom_FinalStatuses_IsEmpty()
    {
        ApplicationStatus[] final = [ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Declined, ApplicationStatus.FundsUsed, ApplicationStatus.FundsExpired, ApplicationStatus.WithdrawnAfterAcceptance];

        Assert.All(final, s => Assert.Empty(PledgeApplicationLifecycle.NextFrom(s)));
    }

    [Fact]
    public void History_KeepsEveryMoveInOrder_WithoutABlankReason()
    {
        var t0 = LevyTestData.Now;
        var application = LevyTestData.Application();

        application = PledgeApplicationLifecycle.Approve(application, "employer-uhnm", t0.AddDays(1)).Application!;
        application = PledgeApplicationLifecycle.RevertToPending(application, "employer-uhnm", t0.AddDays(2), "Approved the wrong one").Application!;
        application = PledgeApplicationLifecycle.Approve(application, LevyRules.Systems.AutoApproval, t0.AddDays(3), " ").Application!;
        application = PledgeApplicationLifecycle.Accept(application, "employer-meadow", t0.AddDays(4)).Application!;
        application = PledgeApplicationLifecycle.MarkFundsUsed(application, "employer-meadow", t0.AddDays(5)).Application!;

        Assert.Equal(
            [
                new ApplicationStatusChange(ApplicationStatus.Pending, ApplicationStatus.Approved, t0.AddDays(1), "employer-uhnm"),
                new ApplicationStatusChange(ApplicationStatus.Approved, ApplicationStatus.Pending, t0.AddDays(2), "employer-uhnm", "Approved the wrong one"),
                new ApplicationStatusChange(ApplicationStatus.Pending, ApplicationStatus.Approved, t0.AddDays(3), LevyRules.Systems.AutoApproval),
                new ApplicationStatusChange(ApplicationStatus.Approved, ApplicationStatus.Accepted, t0.AddDays(4), "employer-meadow"),
                new ApplicationStatusChange(ApplicationStatus.Accepted, ApplicationStatus.FundsUsed, t0.AddDays(5), "employer-meadow"),
            ],
            application.History);
        Assert.True(application.WasApproved);
    }

    [Fact]
    public void RefusedMove_LeavesTheApplicationAsItWas()
    {
        var application = LevyTestData.Application(ApplicationStatus.Rejected);

        var result = PledgeApplicationLifecycle.Accept(application, "employer-meadow", LevyTestData.Now);

        Assert.Null(result.Application);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Empty(application.History);
    }

    [Theory]
    [InlineData(ApplicationStatus.Pending, false)]
    [InlineData(ApplicationStatus.Approved, true)]
    [InlineData(ApplicationStatus.Rejected, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    [InlineData(ApplicationStatus.Accepted, true)]
    [InlineData(ApplicationStatus.Declined, false)]
    [InlineData(ApplicationStatus.FundsUsed, true)]
    [InlineData(ApplicationStatus.FundsExpired, false)]
    [InlineData(ApplicationStatus.WithdrawnAfterAcceptance, false)]
    public void HoldsFunds_OnlyWhileApprovedAcceptedOrUsed(ApplicationStatus status, bool holds) =>
        Assert.Equal(holds, PledgeApplicationLifecycle.HoldsFunds(status));
}
