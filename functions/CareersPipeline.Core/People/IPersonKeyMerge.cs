namespace CareersPipeline.Core.People;

/// <summary>
/// Something a feature files under a person key that must follow a sign-up when verifying its address merges it
/// into its person (the sign-up's own key, its applicant id, becomes the person's). Features register one with
/// <c>services.AddSingleton&lt;IPersonKeyMerge, ...&gt;()</c>; consents are the kernel's own (<see cref="ConsentLedger"/>).
/// Each must be safe to run again after an interruption.
/// </summary>
public interface IPersonKeyMerge
{
    Task MergeAsync(string fromKey, string toKey, CancellationToken cancellationToken);
}
