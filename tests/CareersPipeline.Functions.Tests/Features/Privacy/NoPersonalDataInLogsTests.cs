using System.Collections.Concurrent;
using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>
/// The whole pipeline, through all four doors (one of them an under-16 whose guardian agrees), with email
/// verification, geocoding against a fake postcodes.io, email through the outbox, and the privacy endpoints: no log
/// line and no queue message (poison queues included, read raw and base64-decoded) may carry a name, an email
/// address, a phone number or a postcode.
/// </summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class NoPersonalDataInLogsTests(AzuriteFixture storage) : IDisposable
{
    private readonly WireMockServer _postcodes = WireMockServer.Start();

    public void Dispose() => _postcodes.Stop();

    [Fact]
    public async Task TheWholePipeline_LogsAndQueuesNoPersonalData()
    {
        _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"status":200,"result":[{"query":"ZE1 0AA","result":{"postcode":"ZE1 0AA","latitude":60.15,"longitude":-1.14,
                "region":"Scotland","admin_district":"Shetland Islands","codes":{"icb":"S08000026"}}}]}
                """));
        await using var app = await PrivacyKit.StartAsync(storage, new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _postcodes.Url });
        var seen = new ConcurrentBag<(string Where, string Text)>();
        using var stop = new CancellationTokenSource();
        var watcher = WatchQueuesAsync(seen, stop.Token);

        var adult = TestPerson.Unique();
        var pupil = TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app));
        var guardianEmail = SignUpBodies.UniqueEmail("guardian" + Guid.NewGuid().ToString("n")[..6]);
        var visitor = TestPerson.Unique();
        var student = TestPerson.Unique("2006-02-03");
        var website = await PrivacyKit.SignUpAsync(app, Door.Website, adult);
        var school = await PrivacyKit.SignUpAsync(app, Door.School, pupil, guardianEmail: guardianEmail);
        var eventId = await PrivacyKit.SignUpAsync(app, Door.Event, visitor, marketing: true);
        var programme = await PrivacyKit.SignUpAsync(app, Door.Programme, student);

        // A mistaken sign-up too: its answers are in the request, and must not reach the logs either.
        var mistaken = PrivacyKit.Body(Door.Website, adult);
        mistaken["postcode"] = adult.Postcode + "X";
        mistaken["phone"] = adult.PhoneAsEntered + "99";
        using (var invalid = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), mistaken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        // The guardian agrees through their link.
        var request = await app.WaitForEmailAsync(school, EmailKind.GuardianConsentRequest);
        var guardianLink = SignUpBodies.LinkIn(request.Html, "guardian-consent").PathAndQuery;
        using (await PrivacyKit.GetHtmlAsync(app, guardianLink))
        using (await app.Http.PostAsync(guardianLink, null))
        {
        }

        // Everyone is geocoded, routed, emailed, and verifies their address.
        foreach (var id in new[] { website, school, eventId, programme })
        {
            var confirmation = await app.WaitForEmailAsync(id, EmailKind.Confirmation);
            var verify = SignUpBodies.LinkIn(confirmation.Html, "verify-email").PathAndQuery;
            using (await PrivacyKit.GetHtmlAsync(app, verify))
            using (await app.Http.PostAsync(verify, null))
            {
            }

            var applicant = await app.WaitForApplicantAsync(id, a => a.EmailVerifiedAt is not null, "the email to be verified");
            Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
        }

        // The privacy endpoints: the person's own link, equality answers, staff export and erasure.
        var manage = PrivacyKit.ManageLink(await app.WaitForEmailAsync(eventId, EmailKind.Confirmation));
        using (await PrivacyKit.GetHtmlAsync(app, manage))
        using (await app.Http.GetAsync(manage.Replace("/privacy/manage", "/privacy/my-data", StringComparison.Ordinal) + "&format=html"))
        using (await app.Http.PostAsync(manage.Replace("/privacy/manage", "/privacy/consents/Marketing/withdraw", StringComparison.Ordinal), null))
        using (await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, eventId), new { sex = "Female" }))
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{programme}/export?format=html"))
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{programme}/audit"))
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Delete, $"/api/manage/people/{website}"))
        {
        }

        await app.Services.GetRequiredService<PrivacyRetentionJob>().RunAsync(CancellationToken.None);
        await stop.CancelAsync();
        await watcher;
        foreach (var message in await PeekAllAsync())
        {
            seen.Add(message);
        }

        var identifiers = new[] { adult, pupil, visitor, student }.SelectMany(p => p.Identifiers).Append(guardianEmail).ToList();
        var logs = app.Logs.Lines.ToList();
        Assert.Contains(logs, l => l.Contains($"Email verified for applicant {school}", StringComparison.Ordinal)); // the logs are really captured
        Assert.NotEmpty(seen); // and so are queue messages
        Assert.Empty(PrivacyKit.Occurrences(logs.Select(l => ("log", l)), identifiers));
        Assert.Empty(PrivacyKit.Occurrences(seen, identifiers));
    }

    private async Task WatchQueuesAsync(ConcurrentBag<(string, string)> seen, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var message in await PeekAllAsync())
            {
                seen.Add(message);
            }

            try
            {
                await Task.Delay(25, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Every message visible on every queue (poison queues too), exactly as stored, then base64-decoded.</summary>
    private async Task<List<(string, string)>> PeekAllAsync()
    {
        var found = new List<(string, string)>();
        var queues = storage.RawQueues;
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                found.Add(($"queue {queue.Name}", PrivacyKit.DecodeMessage(message.Body.ToString())));
            }
        }

        return found;
    }
}
