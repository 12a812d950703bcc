package jp.hoshimi.outreach;

import java.util.List;

/** Who a bulk request would ask and who it would skip; {@link #suppliers()} = asked + skipped. */
public record BulkPreview(List<BulkCandidate> candidates) {

    public BulkPreview {
        candidates = List.copyOf(candidates);
    }

    public int suppliers() {
        return candidates.size();
    }

    public List<BulkCandidate> asked() {
        return candidates.stream().filter(BulkCandidate::asked).toList();
    }

    public List<BulkCandidate> skipped() {
        return candidates.stream().filter(c -> !c.asked()).toList();
    }

    public long skipped(BulkCandidate.Skip why) {
        return candidates.stream().filter(c -> c.skip() == why).count();
    }
}
