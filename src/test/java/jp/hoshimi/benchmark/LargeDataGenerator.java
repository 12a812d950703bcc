package jp.hoshimi.benchmark;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import jp.hoshimi.contract.internal.ContractRepository;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.supplier.internal.SupplierRepository;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;

/**
 * Fills the database with a large, deterministic data set for benchmarks: suppliers, contracts spread
 * over the existing organisation units, and 2–3-tier sub-contractor chains. Everything is set-based:
 * suppliers go in as multi-row INSERTs of {@value #SUPPLIER_BATCH} rows (their names are built in Java so
 * that {@code name_normalized} and {@code name_sort} come from {@link CompanyNames} itself), contracts
 * and chain links as {@code INSERT … SELECT} from MariaDB's Sequence engine ({@code seq_0_to_N}).
 *
 * <p>Rows get explicit ids right above the current maximum, so contracts and links can reach their
 * suppliers arithmetically without a lookup per row. Run it once, on a database that holds only the demo
 * data (the test database); it does not clean up after itself.
 */
final class LargeDataGenerator {

    /** How much to generate. {@link #ISSUE} is the volume the benchmark issue asks for. */
    record Volumes(int suppliers, int contracts) {
        static final Volumes ISSUE = new Volumes(100_000, 200_000);

        Volumes {
            // the chain tiers take suppliers from fixed shares of the range (see insertLinks)
            if (suppliers < 1_000 || contracts < 16) {
                throw new IllegalArgumentException(
                        "too small: " + suppliers + " suppliers, " + contracts + " contracts");
            }
        }

        /** 1 + 1/4 + 1/2 + 1/4 of the contracts in every 4th one: a first-tier link, and deeper tiers below. */
        int expectedLinks() {
            return countWhere(n -> n % 4 == 0)
                    + countWhere(n -> n % 16 == 4)
                    + countWhere(n -> n % 8 == 0)
                    + countWhere(n -> n % 16 == 0);
        }

        private int countWhere(IntPredicate p) {
            return (int) IntStream.range(0, contracts).filter(p).count();
        }
    }

    /** What was generated and how long each part took. */
    record Result(
            long firstSupplierId,
            int suppliers,
            long firstContractId,
            int contracts,
            int links,
            long supplierMillis,
            long supplierFragmentMillis,
            long contractMillis,
            long contractFragmentMillis,
            long linkMillis,
            long analyzeMillis) {

        long totalMillis() {
            return supplierMillis
                    + supplierFragmentMillis
                    + contractMillis
                    + contractFragmentMillis
                    + linkMillis
                    + analyzeMillis;
        }

        String summary() {
            return String.format(
                    "Generated %,d suppliers in %,d ms (+ name fragments %,d ms), %,d contracts in %,d ms"
                            + " (+ title fragments %,d ms), %,d chain links in %,d ms; ANALYZE TABLE %,d ms; total %,d ms",
                    suppliers,
                    supplierMillis,
                    supplierFragmentMillis,
                    contracts,
                    contractMillis,
                    contractFragmentMillis,
                    links,
                    linkMillis,
                    analyzeMillis,
                    totalMillis());
        }
    }

    static final int SUPPLIER_BATCH = 5_000;

    /** The prefix of every generated supplier code: B-000001 … */
    static final String CODE_PREFIX = "B-";

    private record Word(String kanji, String kana) {}

    private static final List<Word> PLACES =
            words("碧海:ヘキカイ 三河:ミカワ 東和:トウワ 尾張:オワリ 浜松:ハママツ 北陸:ホクリク 関東:カントウ 大和:ヤマト 東邦:トウホウ 中部:チュウブ"
                    + " 近畿:キンキ 九州:キュウシュウ 信州:シンシュウ 富士:フジ 瀬戸:セト 刈谷:カリヤ 岡崎:オカザキ 安城:アンジョウ 西尾:ニシオ 豊橋:トヨハシ"
                    + " 知多:チタ 岐阜:ギフ 四日市:ヨッカイチ 静岡:シズオカ 新潟:ニイガタ 長野:ナガノ 金沢:カナザワ 堺:サカイ 広島:ヒロシマ 横浜:ヨコハマ"
                    + " 川崎:カワサキ 相模:サガミ 武蔵:ムサシ 筑波:ツクバ 東洋:トウヨウ 大東:ダイトウ 千代田:チヨダ 高砂:タカサゴ 丸和:マルワ 旭:アサヒ"
                    + " 三和:サンワ 共栄:キョウエイ 協和:キョウワ 昭和:ショウワ 平和:ヘイワ 北斗:ホクト 若葉:ワカバ 白鳥:シラトリ 桜井:サクライ 双葉:フタバ");
    private static final List<Word> KATAKANA =
            words("ミナト:ミナト サクラ:サクラ アオバ:アオバ ヒカリ:ヒカリ ツバサ:ツバサ コスモ:コスモ ミライ:ミライ アルファ:アルファ テクノ:テクノ"
                    + " ユニオン:ユニオン ダイヤ:ダイヤ サンライズ:サンライズ グリーン:グリーン エース:エース ネクスト:ネクスト フロンティア:フロンティア"
                    + " スター:スター マルミ:マルミ カネヨシ:カネヨシ ヤマニ:ヤマニ");
    private static final List<Word> TRADES =
            words("精密:セイミツ 電装:デンソウ 樹脂:ジュシ 金型:カナガタ 電機:デンキ 化成:カセイ 物流:ブツリュウ 運輸:ウンユ 技研:ギケン 精工:セイコウ"
                    + " 鋳造:チュウゾウ 鍛造:タンゾウ 塗装:トソウ 情報システム:ジョウホウシステム ソフトウェア:ソフトウェア 通信:ツウシン 化学:カガク"
                    + " 電子:デンシ 機械:キカイ 金属:キンゾク 製鋼:セイコウ ゴム:ゴム 硝子:ガラス 梱包:コンポウ 計器:ケイキ 光学:コウガク 工機:コウキ"
                    + " 繊維:センイ 印刷:インサツ プレス:プレス");
    private static final List<Word> TAILS =
            words(": : : 工業:コウギョウ 製作所:セイサクショ 産業:サンギョウ 商事:ショウジ 興業:コウギョウ 製造:セイゾウ サービス:サービス");
    private static final List<String> FOREIGN_FIRST = List.of(
            "Pacific", "Golden", "Eastern", "United", "Global", "Precision", "Dragon", "Summit", "Delta", "Lotus");
    private static final List<String> FOREIGN_SECOND = List.of(
            "Electronics", "Components", "Plastics", "Metals", "Logistics", "Software", "Semiconductor", "Machinery");
    private static final List<String> FOREIGN_FORMS = List.of("Co., Ltd.", "Inc.", "Corp.", "Ltd.");
    private static final List<String> FOREIGN_COUNTRIES = List.of("CN", "TW", "KR", "VN", "TH", "US", "DE");
    private static final List<String> PREFECTURES = List.of(
            "愛知県豊田市", "愛知県刈谷市", "愛知県安城市", "愛知県岡崎市", "静岡県浜松市", "岐阜県各務原市", "三重県四日市市", "東京都大田区", "神奈川県川崎市", "大阪府東大阪市",
            "兵庫県姫路市", "広島県広島市", "福岡県北九州市", "新潟県燕市", "長野県諏訪市", "石川県金沢市");
    /** 法務局 office codes: the first four digits of a 会社法人等番号. */
    private static final List<String> OFFICES = List.of(
            "0100", "0104", "0110", "0111", "0113", "1200", "1201", "1800", "1801", "1802", "2000", "2700", "3400",
            "3700", "4000", "4300", "5000", "6000", "7000", "8000");

    private static final List<String> CONTRACT_ITEMS = List.of(
            "ダイカスト部品",
            "ワイヤーハーネス",
            "樹脂成形部品",
            "プレス部品",
            "電子制御ユニット",
            "金型",
            "鋳造部品",
            "鍛造部品",
            "塗装",
            "熱処理",
            "梱包資材",
            "部品輸送",
            "倉庫管理",
            "生産管理システム",
            "設備保守",
            "リモート保守",
            "クラウド基盤",
            "ソフトウェア開発",
            "ネットワーク運用",
            "ヘルプデスク",
            "精密切削部品",
            "半導体",
            "センサー",
            "ベアリング",
            "ゴム部品",
            "ガラス部品",
            "計測器校正",
            "清掃",
            "警備",
            "社員食堂運営");
    private static final List<String> CONTRACT_KINDS = List.of("供給契約", "業務委託契約", "保守契約", "ライセンス契約", "取引基本契約", "請負契約");

    /** Share of contracts per demo unit code, in twentieths; units not listed share what is left. */
    private static final Map<String, Integer> UNIT_WEIGHTS =
            Map.of("HMC", 1, "HMC-PUR", 6, "HMC-ELE", 3, "HMC-LOG", 2, "HSK", 1, "HSK-PUR", 5, "HSK-IT", 2);

    private final DSLContext dsl;
    private final SupplierRepository supplierRepository;
    private final ContractRepository contractRepository;
    private final LocalDateTime now;

    /**
     * The repositories keep the search fragments: the generator writes rows with plain SQL, then asks them to
     * index those rows, batch by batch, through the same set-based path a bulk import would use.
     */
    LargeDataGenerator(
            DSLContext dsl,
            SupplierRepository supplierRepository,
            ContractRepository contractRepository,
            LocalDateTime now) {
        this.dsl = dsl;
        this.supplierRepository = supplierRepository;
        this.contractRepository = contractRepository;
        this.now = now;
    }

    Result generate(Volumes volumes) {
        long firstSupplierId = nextId("supplier");
        long t0 = System.nanoTime();
        int suppliers = insertSuppliers(firstSupplierId, volumes.suppliers());
        long t1 = System.nanoTime();
        inBatches(firstSupplierId, suppliers, supplierRepository::refreshNameFragments);
        long t2 = System.nanoTime();
        long firstContractId = nextId("contract");
        int contracts = insertContracts(firstSupplierId, volumes, firstContractId);
        long t3 = System.nanoTime();
        inBatches(firstContractId, contracts, contractRepository::refreshTitleFragments);
        long t4 = System.nanoTime();
        int links = insertLinks(firstSupplierId, volumes, firstContractId);
        long t5 = System.nanoTime();
        // fresh statistics, as a production database would have them
        dsl.fetch(
                "ANALYZE TABLE supplier, contract, subcontracting_link, supplier_name_fragment, contract_title_fragment");
        long t6 = System.nanoTime();
        return new Result(
                firstSupplierId,
                suppliers,
                firstContractId,
                contracts,
                links,
                millis(t1 - t0),
                millis(t2 - t1),
                millis(t3 - t2),
                millis(t4 - t3),
                millis(t5 - t4),
                millis(t6 - t5));
    }

    /** Hands the ids first … first + count - 1 to {@code action} in batches of {@value #SUPPLIER_BATCH}. */
    private static void inBatches(long first, int count, Consumer<List<Long>> action) {
        for (long from = first; from < first + count; from += SUPPLIER_BATCH) {
            action.accept(LongStream.range(from, Math.min(first + count, from + SUPPLIER_BATCH))
                    .boxed()
                    .toList());
        }
    }

    // --- suppliers -----------------------------------------------------------------------------

    /** One generated supplier; {@code i} is its 0-based index, which fixes every value. */
    record SupplierValues(
            long id,
            String corporateNumber,
            String code,
            String name,
            String nameKana,
            String country,
            String address,
            LocalDateTime updatedAt) {}

    SupplierValues supplier(long firstId, int i) {
        long h = mix(i);
        String code = CODE_PREFIX + String.format("%06d", i + 1);
        LocalDateTime updatedAt = now.minusSeconds(h % (2L * 365 * 24 * 3600));
        int form = pick(h, 20, 100);
        if (form < 2) {
            // a foreign supplier: no 法人番号, no kana, a Latin name
            String name = FOREIGN_FIRST.get(pick(h, 8, FOREIGN_FIRST.size())) + " "
                    + FOREIGN_SECOND.get(pick(h, 16, FOREIGN_SECOND.size())) + " "
                    + FOREIGN_FORMS.get(pick(h, 24, FOREIGN_FORMS.size()));
            return new SupplierValues(
                    firstId + i,
                    null,
                    code,
                    name,
                    null,
                    FOREIGN_COUNTRIES.get(pick(h, 28, FOREIGN_COUNTRIES.size())),
                    null,
                    updatedAt);
        }
        // one in four cores is a katakana name, so a kana fragment such as ミナト finds some
        Word first = pick(h, 32, 4) == 0
                ? KATAKANA.get(pick(h, 36, KATAKANA.size()))
                : PLACES.get(pick(h, 36, PLACES.size()));
        Word trade = TRADES.get(pick(h, 44, TRADES.size()));
        Word tail = TAILS.get(pick(h, 52, TAILS.size()));
        String core = first.kanji() + trade.kanji() + tail.kanji();
        String kana = first.kana() + trade.kana() + tail.kana();
        String legalType;
        String name;
        if (form < 42) {
            name = "株式会社" + core;
            legalType = "01";
        } else if (form < 80) {
            name = core + "株式会社";
            legalType = "01";
        } else if (form < 92) {
            name = "有限会社" + core;
            legalType = "02";
        } else if (form < 97) {
            name = core + "合同会社";
            legalType = "05";
        } else {
            name = "(株)" + core;
            legalType = "01";
        }
        // (office, serial) is unique per index; the legal type only decorates it
        String base = OFFICES.get(i % OFFICES.size()) + legalType + String.format("%06d", i / OFFICES.size());
        String corporateNumber = checkDigit(base) + base;
        return new SupplierValues(
                firstId + i,
                corporateNumber,
                code,
                name,
                pick(h, 56, 12) == 0 ? null : kana, // some suppliers were entered without a reading
                "JP",
                PREFECTURES.get(pick(h, 12, PREFECTURES.size())),
                updatedAt);
    }

    private int insertSuppliers(long firstId, int count) {
        List<Field<?>> columns = fields(
                "id",
                "corporate_number",
                "supplier_code",
                "name",
                "name_normalized",
                "name_kana",
                "name_sort",
                "country",
                "address",
                "created_at",
                "updated_at",
                "version");
        int inserted = 0;
        for (int from = 0; from < count; from += SUPPLIER_BATCH) {
            InsertValuesStepN<Record> insert = dsl.insertInto(table(name("supplier")), columns);
            for (int i = from; i < Math.min(count, from + SUPPLIER_BATCH); i++) {
                SupplierValues s = supplier(firstId, i);
                insert = insert.values(
                        s.id(),
                        s.corporateNumber(),
                        s.code(),
                        s.name(),
                        CompanyNames.normalize(s.name()),
                        s.nameKana(),
                        CompanyNames.sortKey(s.name(), s.nameKana()),
                        s.country(),
                        s.address(),
                        s.updatedAt().minusDays(30),
                        s.updatedAt(),
                        0);
            }
            inserted += insert.execute();
        }
        return inserted;
    }

    /** The NTA check digit, computed here and confirmed by the application's own parser. */
    private static String checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        String number = (9 - sum % 9) + base;
        if (!CorporateNumber.isValid(number)) {
            throw new IllegalStateException("generated an invalid corporate number: " + number);
        }
        return number.substring(0, 1);
    }

    // --- contracts -----------------------------------------------------------------------------

    /**
     * Contract n (0-based): a unit by weight, a supplier (70 % among the first 10 % of suppliers, the rest
     * among the first 40 %; the upper 60 % are the sub-contractors of the chains), dates over 2019–2026,
     * decision-chart answers from n's bits, and a required level that mostly follows the chart's
     * suggestion; where it does not, a reason is recorded as the application demands.
     */
    private int insertContracts(long firstSupplierId, Volumes volumes, long firstContractId) {
        List<UnitSlot> slots = unitSlots();
        String unitIds = slots.stream().map(s -> String.valueOf(s.unitId())).collect(Collectors.joining(","));
        String prefixes = slots.stream().map(s -> quote(s.numberPrefix())).collect(Collectors.joining(","));
        String owners = slots.stream()
                .map(s -> s.ownerId() == null ? "NULL" : String.valueOf(s.ownerId()))
                .collect(Collectors.joining(","));
        Long riskId = userId("risk");
        int mainSuppliers = volumes.suppliers() / 10;
        int contractSuppliers = volumes.suppliers() * 4 / 10;
        String items = CONTRACT_ITEMS.stream().map(LargeDataGenerator::quote).collect(Collectors.joining(","));
        String kinds = CONTRACT_KINDS.stream().map(LargeDataGenerator::quote).collect(Collectors.joining(","));
        String sql = """
                INSERT INTO contract (id, contract_number, title, supplier_id, supplier_name_sort, org_unit_id,
                    owner_user_id, start_date, end_date, required_level, handles_confidential, business_critical,
                    network_access, suggested_level, level_reason, created_at, updated_at, version)
                SELECT c.id, contract_number, title, supplier_id, s.name_sort, org_unit_id, owner_user_id,
                    start_date, end_date, required_level, hc, bc, na,
                    suggested,
                    CASE WHEN required_level <> suggested
                         THEN '代替調達先の状況と取引実績を踏まえ、チャートの示すレベルとは別のレベルを求める（生成データ）' END,
                    ?, ?, 0
                FROM (
                    SELECT g.*,
                        CASE g.n % 50
                            WHEN 1 THEN 'STAR5'
                            WHEN 2 THEN 'SA2'
                            WHEN 3 THEN 'NONE'
                            WHEN 4 THEN IF(g.suggested = 'STAR4', 'STAR3', 'STAR4')
                            ELSE g.suggested END AS required_level
                    FROM (
                        SELECT s.seq AS n,
                            ? + s.seq AS id,
                            CONCAT(ELT(1 + (s.seq DIV 3) % 20, $PREFIXES), '-', 2019 + s.seq % 8, '-',
                                   LPAD(s.seq + 1, 6, '0')) AS contract_number,
                            CONCAT(ELT(1 + s.seq % 30, $ITEMS), ELT(1 + (s.seq DIV 30) % 6, $KINDS)) AS title,
                            ? + IF(s.seq % 10 < 7, (s.seq * 7919) % ?, (s.seq * 104729) % ?) AS supplier_id,
                            ELT(1 + (s.seq DIV 3) % 20, $UNITS) AS org_unit_id,
                            CASE WHEN s.seq % 10 = 3 THEN NULL
                                 WHEN s.seq % 10 = 7 THEN ?
                                 ELSE ELT(1 + (s.seq DIV 3) % 20, $OWNERS) END AS owner_user_id,
                            DATE '2019-04-01' + INTERVAL ((s.seq * 37) % 2800) DAY AS start_date,
                            IF(s.seq % 20 = 0, NULL,
                               DATE '2019-04-01' + INTERVAL ((s.seq * 37) % 2800) DAY + INTERVAL (1 + s.seq % 3) YEAR)
                                AS end_date,
                            s.seq % 3 = 0 AS hc,
                            (s.seq DIV 3) % 4 = 0 AS bc,
                            (s.seq DIV 7) % 5 = 0 AS na,
                            IF(s.seq % 3 = 0 OR (s.seq DIV 3) % 4 = 0 OR (s.seq DIV 7) % 5 = 0, 'STAR4', 'STAR3')
                                AS suggested
                        FROM seq_0_to_$LAST s
                    ) g
                ) c
                JOIN supplier s ON s.id = c.supplier_id
                """.replace("$PREFIXES", prefixes)
                .replace("$ITEMS", items)
                .replace("$KINDS", kinds)
                .replace("$UNITS", unitIds)
                .replace("$OWNERS", owners)
                .replace("$LAST", String.valueOf(volumes.contracts() - 1));
        return dsl.execute(sql, now, now, firstContractId, firstSupplierId, mainSuppliers, contractSuppliers, riskId);
    }

    private record UnitSlot(long unitId, String numberPrefix, Long ownerId) {}

    /** Twenty slots of units, each unit as often as its weight: contract n goes to slot (n / 3) mod 20. */
    private List<UnitSlot> unitSlots() {
        Map<String, Long> units = new LinkedHashMap<>();
        dsl.fetch("SELECT code, id FROM org_unit ORDER BY code")
                .forEach(r -> units.put(r.get(0, String.class), r.get(1, Long.class)));
        if (units.isEmpty()) {
            throw new IllegalStateException("no organisation units: the generator expects the demo data");
        }
        Long procurement = userId("procurement");
        Long procurement2 = userId("procurement2");
        List<UnitSlot> slots = new ArrayList<>();
        boolean demoUnits = units.keySet().containsAll(UNIT_WEIGHTS.keySet());
        for (var unit : units.entrySet()) {
            int weight = demoUnits ? UNIT_WEIGHTS.getOrDefault(unit.getKey(), 0) : 1;
            String company = unit.getKey().split("-")[0];
            Long owner = company.equals("HSK") ? procurement2 : procurement;
            for (int w = 0; w < weight; w++) {
                slots.add(new UnitSlot(unit.getValue(), company, owner));
            }
        }
        while (slots.size() < 20) {
            slots.addAll(List.copyOf(slots.subList(0, Math.min(slots.size(), 20 - slots.size()))));
        }
        return slots.subList(0, 20);
    }

    // --- chains --------------------------------------------------------------------------------

    /**
     * Every 4th contract gets a first-tier sub-contractor, every 16th (offset 4) a second one, every 8th a
     * second tier below the first, every 16th a third tier. Each tier draws from its own share of the
     * suppliers (40–70 %, 70–90 %, 90–100 %), above the contract suppliers' 0–40 %, so no link points at
     * its own parent or closes a cycle.
     */
    private int insertLinks(long firstSupplierId, Volumes volumes, long firstContractId) {
        int s = volumes.suppliers();
        long tier1 = firstSupplierId + s * 40L / 100;
        int tier1Size = s * 30 / 100;
        long tier2 = firstSupplierId + s * 70L / 100;
        int tier2Size = s * 20 / 100;
        long tier3 = firstSupplierId + s * 90L / 100;
        int tier3Size = s - s * 90 / 100;
        long lastContractId = firstContractId + volumes.contracts() - 1;
        String insert = """
                INSERT INTO subcontracting_link (contract_id, parent_supplier_id, child_supplier_id,
                    confidential_data_flows, system_access, required_level_override, note,
                    created_at, updated_at, version)
                SELECT c.id, %s, %s,
                    ((c.id - ?) DIV 4) %% 3 = 0, ((c.id - ?) DIV 4) %% 5 = 0,
                    IF(((c.id - ?) DIV 4) %% 50 = 7, 'STAR3', NULL), NULL, ?, ?, 0
                FROM contract c
                WHERE c.id BETWEEN ? AND ? AND %s
                """;
        String n = "(c.id - " + firstContractId + ")";
        String firstChild = tier1 + " + (" + n + " * 7919) % " + tier1Size;
        String secondChild = tier1 + " + (" + n + " * 7919 + 1) % " + tier1Size;
        String tier2Child = tier2 + " + (" + n + " * 104729) % " + tier2Size;
        String tier3Child = tier3 + " + (" + n + " * 7919) % " + tier3Size;
        int links = 0;
        links += link(insert, "c.supplier_id", firstChild, n + " % 4 = 0", firstContractId, lastContractId);
        links += link(insert, "c.supplier_id", secondChild, n + " % 16 = 4", firstContractId, lastContractId);
        links += link(insert, firstChild, tier2Child, n + " % 8 = 0", firstContractId, lastContractId);
        links += link(insert, tier2Child, tier3Child, n + " % 16 = 0", firstContractId, lastContractId);
        return links;
    }

    private int link(String insert, String parent, String child, String which, long first, long last) {
        return dsl.execute(insert.formatted(parent, child, which), first, first, first, now, now, first, last);
    }

    // --- helpers -------------------------------------------------------------------------------

    private long nextId(String table) {
        return dsl.resultQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).fetchSingle(0, Long.class);
    }

    private Long userId(String username) {
        return dsl.resultQuery("SELECT id FROM app_user WHERE username = ?", username)
                .fetchOptional(0, Long.class)
                .orElse(null);
    }

    private static List<Field<?>> fields(String... names) {
        List<Field<?>> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(field(name(n)));
        }
        return fields;
    }

    private static List<Word> words(String pairs) {
        List<Word> words = new ArrayList<>();
        for (String pair : pairs.split(" ")) {
            String[] parts = pair.split(":", -1);
            words.add(new Word(parts[0], parts[1]));
        }
        return List.copyOf(words);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A fixed 64-bit scramble of the index (SplitMix64), non-negative, so every run makes the same data. */
    private static long mix(long i) {
        long z = i + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    /** A value in [0, size) from the bits of h above shift. */
    private static int pick(long h, int shift, int size) {
        return (int) ((h >>> shift) % size);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
