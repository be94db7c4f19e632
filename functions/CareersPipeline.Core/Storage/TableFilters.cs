using Azure.Data.Tables;

namespace CareersPipeline.Core.Storage;

/// <summary>
/// Table query filters, built one way: <see cref="TableClient.CreateQueryFilter(FormattableString)"/> quotes and
/// escapes every value (strings, numbers, dates), so no filter is ever concatenated from raw text; these helpers only
/// name the common shapes.
/// </summary>
public static class TableFilters
{
    /// <summary>"Column eq 'value'", the value quoted and escaped (the column name is ours, never input).</summary>
    public static string Equal(string column, string value) => $"{column} eq {TableClient.CreateQueryFilter($"{value}")}";

    /// <summary>"(Column eq 'a' or Column eq 'b')": rows whose column is any of <paramref name="values"/> (at least one).</summary>
    public static string AnyOf(string column, IReadOnlyCollection<string> values) =>
        values.Count > 0 ? $"({string.Join(" or ", values.Select(v => Equal(column, v)))})" : throw new ArgumentException("At least one value is needed.", nameof(values));

    /// <summary>The filters given, joined by "and"; null (every row) when none is given.</summary>
    public static string? And(params string?[] filters) =>
        filters.Where(f => !string.IsNullOrEmpty(f)).ToList() is { Count: > 0 } given ? string.Join(" and ", given) : null;
}
