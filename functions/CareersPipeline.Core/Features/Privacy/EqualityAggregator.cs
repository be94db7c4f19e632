namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// The only reader of individual equality rows: counts answers per question and returns them with small-number
/// suppression. Nothing below the threshold, and nothing derivable from the totals, leaves this class.
/// </summary>
public sealed class EqualityAggregator(EqualityStore store, TimeProvider time)
{
    public const string NotAnswered = "NotAnswered";

    public async Task<EqualitySummary> SummariseAsync(CancellationToken cancellationToken)
    {
        var rows = new List<EqualityAnswers>();
        await foreach (var answers in store.ReadAllForAggregationAsync(cancellationToken))
        {
            rows.Add(answers);
        }

        EqualityQuestion[] questions =
        [
            Question<EthnicGroup>("ethnicity", rows, a => a.Ethnicity),
            Question<DisabilityAnswer>("disability", rows, a => a.Disability),
            Question<Religion>("religion", rows, a => a.Religion),
            Question<SexAnswer>("sex", rows, a => a.Sex),
            Question<GenderIdentityAnswer>("genderSameAsSexAtBirth", rows, a => a.GenderSameAsSexAtBirth),
            Question<SexualOrientation>("sexualOrientation", rows, a => a.SexualOrientation),
            Question<AgeBand>("ageBand", rows, a => a.AgeBand),
        ];
        return new EqualitySummary(time.GetUtcNow(), SmallNumberSuppression.Threshold, questions);
    }

    private static EqualityQuestion Question<TEnum>(string name, List<EqualityAnswers> rows, Func<EqualityAnswers, TEnum?> answer)
        where TEnum : struct, Enum
    {
        var counts = Enum.GetValues<TEnum>()
            .Select(v => KeyValuePair.Create(v.ToString(), rows.Count(r => answer(r) is { } a && a.Equals(v))))
            .Append(KeyValuePair.Create(NotAnswered, rows.Count(r => answer(r) is null)))
            .ToList();
        var table = SmallNumberSuppression.Apply(counts);
        return new EqualityQuestion(name, table.Total, table.Cells);
    }
}

/// <summary>
/// The aggregate: per question, the responses in each category. Counts are strings: a number, "&lt;5" for 1 to 4,
/// or "*" where a count (or total) is hidden so that a small count cannot be worked out from the others.
/// </summary>
public sealed record EqualitySummary(DateTimeOffset GeneratedAt, int Threshold, IReadOnlyList<EqualityQuestion> Questions);

public sealed record EqualityQuestion(string Question, string Total, IReadOnlyList<SuppressedCell> Categories);
