using System.Text.Encodings.Web;
using System.Text.Unicode;
using CareersPipeline.Core.Email;
using CareersPipeline.Web.Components.Emails;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareersPipeline.Web.Rendering;

/// <summary>
/// The HTML of emails, from Razor components rendered with <see cref="HtmlRenderer"/> as the site's pages are. Each
/// template takes its data as a Model parameter, and a model's type picks its template.
/// </summary>
public sealed class RazorEmailTemplates : IEmailTemplates, IAsyncDisposable
{
    /// <summary>Each kind's template. A kind without one fails a test.</summary>
    public static IReadOnlyDictionary<EmailKind, Type> ByKind { get; } = new Dictionary<EmailKind, Type>
    {
        [EmailKind.Confirmation] = typeof(ConfirmationTemplate),
        [EmailKind.GuardianConsentRequest] = typeof(GuardianConsentRequestTemplate),
        [EmailKind.LinksRequested] = typeof(LinksRequestedTemplate),
        [EmailKind.LevyTransferUpdate] = typeof(LevyUpdateTemplate),
        [EmailKind.LevyTransferSummary] = typeof(LevySummaryTemplate),
        [EmailKind.MatchAlert] = typeof(MatchTemplate),
        [EmailKind.MatchDigest] = typeof(MatchTemplate),
        [EmailKind.ClosingReminder] = typeof(MatchTemplate),
        [EmailKind.StaffInvitation] = typeof(StaffInvitationTemplate),
        [EmailKind.ApplicationReceived] = typeof(ApplicationTemplate),
        [EmailKind.InterviewInvitation] = typeof(ApplicationTemplate),
        [EmailKind.ApplicationOutcome] = typeof(ApplicationTemplate),
        [EmailKind.OfferMade] = typeof(ApplicationTemplate),
        [EmailKind.StartConfirmed] = typeof(ApplicationTemplate),
        [EmailKind.PoisonAlert] = typeof(PoisonAlertTemplate),
        [EmailKind.ContinueApplication] = typeof(ContinueApplicationTemplate),
        [EmailKind.CaseloadUncontacted] = typeof(CaseloadTemplate),
        [EmailKind.CaseloadActions] = typeof(CaseloadTemplate),
    };

    // Parts a composer puts into a batch's tags one recipient at a time: their matches, and the privacy footer.
    private static readonly Type[] Parts = [typeof(MatchItemsTemplate), typeof(PrivacyFooterTemplate)];

    private static readonly Dictionary<Type, Type> ByModel = ByKind.Values.Concat(Parts).Distinct()
        .ToDictionary(component => component.GetProperty(ModelParameter)!.PropertyType);

    private const string ModelParameter = "Model";

    // Non-Latin names as characters, not &#x...; entities, as on the site.
    private readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly HtmlRenderer _renderer;

    public RazorEmailTemplates() =>
        _renderer = new HtmlRenderer(new ServiceCollection().AddSingleton(_encoder).BuildServiceProvider(), NullLoggerFactory.Instance);

    public string Html<TModel>(TModel model)
        where TModel : class
    {
        if (!ByModel.TryGetValue(model.GetType(), out var component))
        {
            throw new ArgumentException($"No email template takes a {model.GetType().Name}.", nameof(model));
        }

        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [ModelParameter] = model });

        // The email templates do no asynchronous work, so the render is done when the dispatcher returns; waiting for it
        // keeps the composers in Core synchronous. The dispatcher is the renderer's own, never the caller's.
        return _renderer.Dispatcher
            .InvokeAsync(async () => (await _renderer.RenderComponentAsync(component, parameters)).ToHtmlString())
            .GetAwaiter()
            .GetResult();
    }

    public string Encode(string value) => _encoder.Encode(value);

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();
}
