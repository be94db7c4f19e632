using System.Text.Json;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Features.Seeding;

public sealed class DemoDataTests
{
    private const int Count = 200;

    public static TheoryData<DateOnly> Days => new()
    {
        new DateOnly(2026, 5, 12),
        new DateOnly(2028, 2, 29),
        new DateOnly(2027, 2, 28),
        new DateOnly(2027, 3, 1),
        new DateOnly(2026, 12, 31),
        new DateOnly(2027, 1, 1),
    };

    private static SignUpValidator CreateValidator(DateOnly today) =>
        new(new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));

    [Theory]
    [MemberData(nameof(Days))]
    public void Applicants_EveryGeneratedRequest_PassesTheValidatorForItsDoor(DateOnly today)
    {
        var validator = CreateValidator(today);

        var failures = DemoData.Applicants(today, Count)
            .Select((a, i) => (Index: i, a.Door, Validation: validator.Validate(a.Door, a.Request)))
            .Where(v => v.Validation.SignUp is null)
            .Select(v => $"#{v.Index} ({v.Door}): " + string.Join("; ", v.Validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Applicants_DoorCodes_AreInTheSeededReferenceData(DateOnly today)
    {
        var schools = DemoData.Schools.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var events = DemoData.Events(today).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var programmes = DemoData.Programmes(today).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var validator = CreateValidator(today);

        foreach (var (door, request) in DemoData.Applicants(today, Count))
        {
            var code = validator.Validate(door, request).SignUp!.DoorCode;
            switch (door)
            {
                case Door.School:
                    Assert.Contains(code!, schools);
                    break;
                case Door.Event:
                    Assert.Contains(code!, events);
                    break;
                case Door.Programme:
                    Assert.Contains(code!, programmes);
                    break;
                default:
                    Assert.Null(code);
                    break;
            }
        }
    }

    [Fact]
    public void Applicants_SameDayAndCount_AreIdentical()
    {
        var today = new DateOnly(2026, 5, 12);

        Assert.Equal(Json(DemoData.Applicants(today, Count)), Json(DemoData.Applicants(today, Count)));
    }

    [Fact]
    public void Applicants_FewerRequested_AreAPrefixOfMore()
    {
        var today = new DateOnly(2026, 5, 12);

        Assert.Equal(Json(DemoData.Applicants(today, Count).Take(20)), Json(DemoData.Applicants(today, 20)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(Count)]
    public void Applicants_ReturnsTheRequestedCount(int count)
    {
        Assert.Equal(count, DemoData.Applicants(new DateOnly(2026, 5, 12), count).Count);
    }

    [Fact]
    public void Applicants_IncludeEveryDoor()
    {
        var doors = DemoData.Applicants(new DateOnly(2026, 5, 12), Count).Select(a => a.Door).ToHashSet();

        Assert.Equal(Enum.GetValues<Door>().ToHashSet(), doors);
    }

    [Fact]
    public void Applicants_IncludeUnder16sWithGuardiansAndAdultsWithout()
    {
        var today = new DateOnly(2026, 5, 12);
        var validator = CreateValidator(today);

        var signUps = DemoData.Applicants(today, Count).Select(a => validator.Validate(a.Door, a.Request).SignUp!).ToList();

        Assert.Contains(signUps, s => s.NeedsGuardianConsent);
        Assert.Contains(signUps, s => !s.NeedsGuardianConsent);
        Assert.All(signUps.Where(s => s.NeedsGuardianConsent), s => Assert.False(s.MarketingConsent));
    }

    [Fact]
    public void Applicants_HaveDistinctEmailAddresses()
    {
        var emails = DemoData.Applicants(new DateOnly(2026, 5, 12), Count).Select(a => a.Request.Email!).ToList();

        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(emails, e => Assert.EndsWith("@example.org", e, StringComparison.Ordinal));
    }

    private static string Json(IEnumerable<(Door Door, SignUpRequest Request)> applicants) =>
        JsonSerializer.Serialize(applicants.Select(a => new { a.Door, a.Request }).ToList(), JsonDefaults.Options);
}
