package jp.hoshimi.outreach;

import java.util.List;

/** What a bulk request did: the requests it made and sent, and the suppliers it skipped with the reason. */
public record BulkResult(List<Long> requestIds, List<BulkCandidate> skipped) {

    public BulkResult {
        requestIds = List.copyOf(requestIds);
        skipped = List.copyOf(skipped);
    }

    public int created() {
        return requestIds.size();
    }

    public long skipped(BulkCandidate.Skip why) {
        return skipped.stream().filter(c -> c.skip() == why).count();
    }

    /** Every supplier the filter named: created + skipped. */
    public int suppliers() {
        return created() + skipped.size();
    }
}
