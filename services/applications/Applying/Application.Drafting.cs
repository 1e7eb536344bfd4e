using System.Text.Json;
using Talent.Contracts.Catalogue;
using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Applications.Applying;

// The applicant's part: filling the form, attaching materials, submitting.
public sealed partial class Application
{
    public Refusal? SaveAnswers(Dictionary<string, JsonElement> answers, CaseActor actor, DateTimeOffset now)
    {
        if (!MayEdit(actor))
        {
            return Forbidden("Only the applicant (or the staff who filed it at the window) fills the form. 只有申请人可以填写。");
        }

        if (State is not (ApplicationState.Draft or ApplicationState.ReturnedForSupplement))
        {
            return Conflict("The form is filled while drafting or after a return for supplement. 仅草稿或补正时可以修改。");
        }

        Answers = answers;
        Revision++;
        return null;
    }

    public Refusal? Attach(AttachedMaterial material, CaseActor actor)
    {
        if (!MayEdit(actor))
        {
            return Forbidden("Only the applicant attaches materials. 只有申请人可以上传材料。");
        }

        if (State is not (ApplicationState.Draft or ApplicationState.ReturnedForSupplement))
        {
            return Conflict("Materials are attached while drafting or after a return for supplement. 仅草稿或补正时可以上传材料。");
        }

        Materials.RemoveAll(m => m.Code == material.Code);
        Materials.Add(material);
        Revision++;
        return null;
    }

    /// <summary>Materials the card marks as held by a department are recorded as data-sharing references (免提交).</summary>
    public void ReferenceSharedMaterials(FlowCardSnapshot card, DateTimeOffset now)
    {
        foreach (var material in card.Materials.Where(m => m.NeedNotBeSubmitted && Materials.All(a => a.Code != m.Code)))
        {
            Materials.Add(new AttachedMaterial(material.Code, AttachedMaterial.DataSharing, null, null, null, null, null, $"{material.SourceDepartment}:{ApplicantId}:{material.Code}", now));
        }
    }

    /// <summary>
    /// On submission: the shared materials with no record yet are marked requested, and returned, so the exchange is asked
    /// for each (again after a return for supplement, for one that was not obtained).
    /// </summary>
    public IReadOnlyList<AttachedMaterial> RequestSharedRecords(DateTimeOffset now)
    {
        var requested = new List<AttachedMaterial>();
        for (var i = 0; i < Materials.Count; i++)
        {
            if (Materials[i] is { Kind: AttachedMaterial.DataSharing } material && material.Shared?.Status is not ("obtained" or SharedRecord.Requested))
            {
                Materials[i] = material with { Shared = new SharedRecord(SharedRecord.Requested, null, null, null, null, now) };
                requested.Add(Materials[i]);
            }
        }

        return requested;
    }

    /// <summary>
    /// What the exchange got for a shared material; an answer to an earlier request than the one held changes nothing. Not a
    /// new revision: the answer comes in the background, and staff acting on the case meanwhile must not be refused for it
    /// (all of a submission's answers come in one event, so two never race on one case).
    /// </summary>
    public bool RecordShared(string code, SharedRecord shared)
    {
        var index = Materials.FindIndex(m => m.Code == code && m.Kind == AttachedMaterial.DataSharing);
        if (index < 0 || Materials[index].Shared is { } held && held.At > shared.At)
        {
            return false;
        }

        Materials[index] = Materials[index] with { Shared = shared };
        return true;
    }

    /// <summary>The required materials not yet satisfied, by code.</summary>
    public IReadOnlyList<string> MissingMaterials(FlowCardSnapshot card) =>
        [.. card.Materials.Where(m => m.Required && !m.NeedNotBeSubmitted && Materials.All(a => a.Code != m.Code)).Select(m => m.Code)];

    /// <summary>
    /// What an Idempotency-Key means for this case: the current submission's (answer it again), an earlier submission's
    /// that was returned since (refused: the client must use a new key), or new.
    /// </summary>
    public SubmitKeyUse KeyUse(string? key) =>
        key is null ? SubmitKeyUse.New
        : key == SubmitKey ? SubmitKeyUse.Current
        : EarlierSubmitKeys.Contains(key) ? SubmitKeyUse.Earlier
        : SubmitKeyUse.New;

    public Refusal? Submit(CaseActor actor, string? key, Func<string> nextReference, WorkingCalendar calendar, int acceptanceDays, DateTimeOffset now)
    {
        if (!MayEdit(actor))
        {
            return Forbidden("Only the applicant (or the staff who filed it at the window) submits. 只有申请人可以提交。");
        }

        if (State is not (ApplicationState.Draft or ApplicationState.ReturnedForSupplement))
        {
            return Conflict("Only a draft or an application returned for supplement is submitted. 仅草稿或补正后的申请可以提交。");
        }

        var from = State;
        Reference ??= nextReference();
        SubmitKey = key;
        SubmittedAt = now;
        AcceptanceDeadline = calendar.AddWorkingDays(Today(now), acceptanceDays);
        State = ApplicationState.Submitted;
        Record(actor, from == ApplicationState.Draft ? "submit" : "resubmit", from, now, null);
        return null;
    }
}

/// <summary>See <see cref="Application.KeyUse"/>.</summary>
public enum SubmitKeyUse
{
    New,
    Current,
    Earlier,
}
