package jp.hoshimi.legalentity.source;

import java.util.Set;

/** The code lists of the NTA format (DOMAIN.md §2). */
public final class NtaCodes {

    /** 01 new, 11 name, 12 domestic address, 13 foreign address, 21 closed, 22 revived, 71 absorbed, 72 merger annulled, 81 struck, 99 deleted. */
    public static final Set<String> PROCESSES = Set.of("01", "11", "12", "13", "21", "22", "71", "72", "81", "99");

    public static final Set<String> KINDS =
            Set.of("101", "201", "301", "302", "303", "304", "305", "399", "401", "499");

    /** 01 liquidated, 11 merged, 21 closed by the registrar, 31 other. */
    public static final Set<String> CLOSE_CAUSES = Set.of("01", "11", "21", "31");

    public static final String PROCESS_RENAMED = "11";
    public static final String PROCESS_MOVED = "12";
    public static final String PROCESS_MOVED_ABROAD = "13";
    public static final String PROCESS_CLOSED = "21";
    public static final String PROCESS_ABSORBED = "71";
    public static final String CLOSE_CAUSE_MERGED = "11";

    private NtaCodes() {}
}
