using CareersPipeline.Core.Features.Site;

namespace CareersPipeline.Web.Components.Forms;

/// <summary>A form's values and its errors by field, in the page's language; cascaded to every field of the form.</summary>
public sealed record FormView(FormValues Values, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>No answers, no errors: a form shown for the first time.</summary>
    public static FormView Empty { get; } = new(FormValues.Empty, new Dictionary<string, string[]>());

    /// <summary>A form's answers as posted (field to values) and its errors by field.</summary>
    public static FormView Of(IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string[]> errors) =>
        new(new FormValues(values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value, StringComparer.Ordinal)), errors);

    public string[] ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The ids a field's input is described by: its hint and its error, when shown.</summary>
    public string? DescribedBy(string field, bool hasHint)
    {
        var ids = new List<string>(2);
        if (hasHint)
        {
            ids.Add(Parts.FieldIds.Hint(field));
        }

        if (ErrorsOf(field).Length > 0)
        {
            ids.Add(Parts.FieldIds.Error(field));
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}

/// <summary>One radio, checkbox or select option.</summary>
public sealed record FieldOption(string Value, string Label);
