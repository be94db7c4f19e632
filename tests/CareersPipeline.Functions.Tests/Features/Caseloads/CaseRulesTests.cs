using CareersPipeline.Core;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Caseloads.CaseloadKit;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>The rules of a case, on Azurite through the core service: who sees what, versions, closing, flags, route history.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseRulesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedTeamsAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NewSupportedSignUp_IsOnTriage_UntilTaken_AndTheSecondTakerIsRefused()
    {
        var id = await _app.PersonAsync();
        var other = await _app.PersonAsync(route: JourneyRoute.CareerChangerOrUnemployed);

        var triage = Assert.IsType<Result<IReadOnlyList<TriageItem>>.Ok>(await _app.Cases().TriageAsync(As(NorthA), default)).Value;
        Assert.Contains(triage, t => t.ApplicantId == id);
        Assert.DoesNotContain(triage, t => t.ApplicantId == other);

        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default));
        Assert.IsType<Result<Versioned<CaseRecord>>.Conflict>(await _app.Cases().TakeAsync(As(South), id, default));

        var after = Assert.IsType<Result<IReadOnlyList<TriageItem>>.Ok>(await _app.Cases().TriageAsync(As(NorthA), default)).Value;
        Assert.DoesNotContain(after, t => t.ApplicantId == id);
        // Matching and privacy still find the person on the owner's caseload.
        Assert.True(await _app.Services.GetRequiredService<CaseloadStore>().ContainsAsync(NorthA, id, default));
    }

    [Fact]
    public async Task UnderSixteenWithoutGuardianConsent_IsInvisible_OnTriage_AndToTakeOrRecord()
    {
        var child = await _app.PersonAsync(dateOfBirth: DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime).AddYears(-14).ToString("yyyy-MM-dd"));
        var consented = await _app.PersonAsync(dateOfBirth: DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime).AddYears(-14).ToString("yyyy-MM-dd"), guardianConsented: true);

        var triage = Assert.IsType<Result<IReadOnlyList<TriageItem>>.Ok>(await _app.Cases().TriageAsync(As(Admin), default)).Value;

        Assert.DoesNotContain(triage, t => t.ApplicantId == child);
        Assert.Contains(triage, t => t.ApplicantId == consented);
        Assert.IsType<Result<Versioned<CaseRecord>>.NotFound>(await _app.Cases().TakeAsync(As(Admin), child, default));
        Assert.IsType<Result<CaseEntry>.NotFound>(await _app.Cases().RecordEngagedAsync(As(NorthA), child, new EngagedInput(null, "Drop-in", null), default));
    }

    [Fact]
    public async Task AnotherTeamsAdviser_WithTheGuessedId_SeesAndChangesNothing_ButTheLeadAndAdminDo()
    {
        var id = await _app.PersonAsync();
        var taken = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default)).Value;

        Assert.IsType<Result<Versioned<CaseView>>.NotFound>(await _app.Cases().FindAsync(As(South), id, default));
        Assert.IsType<Result<Versioned<CaseRecord>>.NotFound>(await _app.Cases().LogInterventionAsync(As(South), id, new InterventionInput("CareersAdvice", null, 30, "x"), taken.ETag, default));
        Assert.IsType<Result<Versioned<CaseRecord>>.NotFound>(await _app.Cases().AssignAsync(As(South), id, new AssignInput(South, true), taken.ETag, default));
        Assert.DoesNotContain(await _app.Cases().CaseloadAsync(As(South), true, default), c => c.ApplicantId == id);

        Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(NorthLead), id, default));
        Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(Admin), id, default));
        Assert.Contains(await _app.Cases().CaseloadAsync(As(NorthLead), false, default), c => c.ApplicantId == id);
    }

    [Fact]
    public async Task ATeammate_SeesOnlyCasesSharedWithTheTeam()
    {
        var shared = await _app.PersonAsync();
        var own = await _app.PersonAsync();
        await _app.Cases().TakeAsync(As(NorthA), shared, default);
        var privateCase = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), own, default)).Value;
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().AssignAsync(As(NorthA), own, new AssignInput(NorthA, false), privateCase.ETag, default));

        Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(NorthB), shared, default));
        Assert.IsType<Result<Versioned<CaseView>>.NotFound>(await _app.Cases().FindAsync(As(NorthB), own, default));
    }

    [Fact]
    public async Task TwoAdvisersSaving_TheSecondIsRefused_WithTheFirstChangeShown_AndNothingLost()
    {
        var id = await _app.PersonAsync();
        var read = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default)).Value.ETag;

        var first = await _app.Cases().LogInterventionAsync(As(NorthA), id, new InterventionInput("QualificationRecognition", null, 45, "UK ENIC form started"), read, default);
        var second = await _app.Cases().SetNextActionAsync(As(NorthLead), id, new NextActionInput("Call about ENIC", "2030-01-01"), read, default);

        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(first);
        var stale = Assert.IsType<Result<Versioned<CaseRecord>>.Stale>(second);
        Assert.Contains("Logged an intervention (qualification recognition)", stale.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("UK ENIC form started", stale.Reason, StringComparison.Ordinal);
        var view = Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(NorthA), id, default)).Value.Value;
        Assert.Null(view.Case.NextAction);
        Assert.Single(view.Timeline, e => e.Kind == CaseEntryKind.Intervention);
        Assert.IsType<Result<Versioned<CaseRecord>>.Stale>(await _app.Cases().SetNextActionAsync(As(NorthA), id, new NextActionInput("x", "2030-01-01"), null, default));
    }

    [Fact]
    public async Task Closing_NeedsAnOutcomeOrAReason()
    {
        var id = await _app.PersonAsync();
        var etag = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default)).Value.ETag;

        var bare = Assert.IsType<Result<Versioned<CaseRecord>>.Invalid>(await _app.Cases().ChangeStatusAsync(As(NorthA), id, new StatusInput("Closed", null), etag, default));
        Assert.Contains("reason", bare.Errors.Keys);

        var employed = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().RecordOutcomeAsync(As(NorthA), id, new OutcomeInput("EmploymentInHealthOrCare", null, "UHNM", "Healthcare support worker", "2026-01-05", null), etag, default)).Value;
        var closed = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().ChangeStatusAsync(As(NorthA), id, new StatusInput("Closed", null), employed.ETag, default)).Value;

        Assert.Equal(CaseStatus.Closed, closed.Value.Status);
        Assert.Equal(new DateOnly(2026, 1, 5), closed.Value.EmployedFrom);
    }

    [Fact]
    public async Task Employment_NeedsEmployerRoleAndStart_AndSustainedNeedsEmploymentFirst()
    {
        var id = await _app.PersonAsync();
        var etag = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default)).Value.ETag;

        var missing = Assert.IsType<Result<Versioned<CaseRecord>>.Invalid>(await _app.Cases().RecordOutcomeAsync(As(NorthA), id, new OutcomeInput("EmploymentInHealthOrCare", null, null, null, null, null), etag, default));
        var sustained = Assert.IsType<Result<Versioned<CaseRecord>>.Invalid>(await _app.Cases().RecordOutcomeAsync(As(NorthA), id, new OutcomeInput("SustainedThreeMonths", null, null, null, null, null), etag, default));

        Assert.Equal(["employer", "role", "startDate"], missing.Errors.Keys.Order());
        Assert.Contains("type", sustained.Errors.Keys);
    }

    [Fact]
    public async Task RouteOverride_KeepsBothRoutesAndTheReason_AndChangesTheSignUpsRoute()
    {
        var id = await _app.PersonAsync(route: JourneyRoute.CareerChangerOrUnemployed);
        var etag = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default)).Value.ETag;

        var missingReason = await _app.Cases().OverrideRouteAsync(As(NorthA), id, new RouteInput("SeldomHeardSupported", " "), etag, default);
        var changed = await _app.Cases().OverrideRouteAsync(As(NorthA), id, new RouteInput("SeldomHeardSupported", "Needs ENIC and ESOL support first"), etag, default);

        Assert.IsType<Result<Versioned<CaseRecord>>.Invalid>(missingReason);
        var record = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(changed).Value.Value;
        Assert.Equal(JourneyRoute.CareerChangerOrUnemployed, record.AutomaticRoute);
        Assert.Equal(JourneyRoute.SeldomHeardSupported, record.Route);
        var view = Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(NorthA), id, default)).Value.Value;
        var line = Assert.Single(view.Timeline, e => e.Kind == CaseEntryKind.RouteChanged);
        Assert.Equal("Needs ENIC and ESOL support first", line.Notes);
        Assert.Contains("CareerChangerOrUnemployed", line.Detail, StringComparison.Ordinal);
        Assert.Equal(nameof(JourneyRoute.SeldomHeardSupported), (await _app.FindApplicantAsync(id))!.Route);
    }

    [Fact]
    public async Task NotContactedWithinFiveWorkingDays_IsFlagged_AndAnEngagedContactClearsIt()
    {
        // A Monday sign-up: five working days end the next Monday; the Tuesday after is the sixth.
        var now = _app.Time.GetUtcNow();
        var monday = now.AddDays(-(((int)now.DayOfWeek + 6) % 7) - 14);
        var late = await _app.PersonAsync(signedUpAt: monday);
        var fresh = await _app.PersonAsync();
        var engaged = await _app.PersonAsync(signedUpAt: monday);
        Assert.IsType<Result<CaseEntry>.Ok>(await _app.Cases().RecordEngagedAsync(As(NorthA), engaged, new EngagedInput(null, "Refugee Action drop-in", "Asked about ESOL"), default));

        var triage = Assert.IsType<Result<IReadOnlyList<TriageItem>>.Ok>(await _app.Cases().TriageAsync(As(NorthA), default)).Value;

        Assert.True(triage.Single(t => t.ApplicantId == late).Overdue);
        Assert.False(triage.Single(t => t.ApplicantId == fresh).Overdue);
        Assert.False(triage.Single(t => t.ApplicantId == engaged).Overdue);
        Assert.True(triage.Single(t => t.ApplicantId == engaged).Contacted);
    }

    [Fact]
    public void WorkingDays_SkipWeekends()
    {
        Assert.Equal(5, WorkingDays.Between(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)));
        Assert.Equal(0, WorkingDays.Between(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 8)));
    }

    [Fact]
    public async Task Notes_AreInTheSubjectAccessExport_AndGoWithErasure_AndNeverInLogs()
    {
        var id = await _app.PersonAsync();
        var etag = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), id, default)).Value.ETag;
        const string Note = "Fled Kabul in 2021; pharmacist there";
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().LogInterventionAsync(As(NorthA), id, new InterventionInput("CareersAdvice", null, 60, Note), etag, default));
        var source = _app.Services.GetServices<IPersonalDataSource>().OfType<CaseloadDataSource>().Single();
        var person = new PersonRecords(id, [(await _app.FindApplicantAsync(id))!]);

        var export = await source.ExportAsync(person, SubjectAccessAudience.DataSubject, default);
        Assert.Contains(Note, export!.ToJsonString(), StringComparison.Ordinal);

        await source.EraseAsync([person], new ErasureContext("r", ErasureReason.StaffRequest, _app.Time.GetUtcNow(), null), default);
        Assert.Null(await source.ExportAsync(person, SubjectAccessAudience.DataSubject, default));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains("Kabul", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_DefusesFormulas()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\"", SafeCsv.Cell("=HYPERLINK(\"http://x\")"));
        Assert.Equal("\"'+1\"", SafeCsv.Cell("+1"));
        Assert.Equal("\"Olena\"", SafeCsv.Cell("Olena"));
    }
}
