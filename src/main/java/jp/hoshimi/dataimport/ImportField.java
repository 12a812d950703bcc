package jp.hoshimi.dataimport;

import java.util.List;

/**
 * A column the import understands, with the header texts (Japanese and English) it is recognised by.
 * Matching ignores width, case, spaces and punctuation, and also tries each part of a header such as
 * "取引先名 / Supplier name" or "法人番号（13桁）".
 */
public enum ImportField {
    // suppliers
    SUPPLIER_CORPORATE_NUMBER(
            ImportKind.SUPPLIERS,
            "corporateNumber",
            false,
            "法人番号",
            "法人番号13桁",
            "corporate number",
            "corporate no",
            "houjin bangou"),
    SUPPLIER_CODE(
            ImportKind.SUPPLIERS,
            "supplierCode",
            false,
            "取引先コード",
            "仕入先コード",
            "ベンダーコード",
            "取引先番号",
            "supplier code",
            "vendor code",
            "vendor id",
            "supplier id",
            "code"),
    SUPPLIER_NAME(
            ImportKind.SUPPLIERS,
            "name",
            true,
            "取引先名",
            "会社名",
            "仕入先名",
            "社名",
            "企業名",
            "法人名",
            "商号",
            "名称",
            "supplier name",
            "company name",
            "vendor name",
            "name"),
    SUPPLIER_NAME_KANA(
            ImportKind.SUPPLIERS,
            "nameKana",
            false,
            "フリガナ",
            "ふりがな",
            "カナ",
            "読み",
            "取引先名カナ",
            "取引先名フリガナ",
            "会社名カナ",
            "name kana",
            "kana",
            "reading"),
    SUPPLIER_COUNTRY(ImportKind.SUPPLIERS, "country", false, "国", "国コード", "国名", "country", "country code"),
    SUPPLIER_ADDRESS(ImportKind.SUPPLIERS, "address", false, "住所", "所在地", "本店所在地", "address"),
    SUPPLIER_CONTACT_NAME(
            ImportKind.SUPPLIERS,
            "contactName",
            false,
            "担当者",
            "担当者名",
            "先方担当者",
            "contact",
            "contact name",
            "contact person"),
    SUPPLIER_CONTACT_EMAIL(
            ImportKind.SUPPLIERS,
            "contactEmail",
            false,
            "メール",
            "メールアドレス",
            "担当者メール",
            "email",
            "e-mail",
            "mail",
            "contact email"),
    SUPPLIER_CONTACT_DEPARTMENT(
            ImportKind.SUPPLIERS,
            "contactDepartment",
            false,
            "部署",
            "部署名",
            "担当部署",
            "担当者部署",
            "所属",
            "department",
            "contact department",
            "division"),
    SUPPLIER_CONTACT_PHONE(
            ImportKind.SUPPLIERS,
            "contactPhone",
            false,
            "電話番号",
            "電話",
            "担当者電話番号",
            "tel",
            "phone",
            "phone number",
            "telephone",
            "contact phone"),
    SUPPLIER_NOTES(ImportKind.SUPPLIERS, "notes", false, "備考", "メモ", "notes", "remarks", "comment"),
    // contracts
    CONTRACT_NUMBER(
            ImportKind.CONTRACTS,
            "contractNumber",
            true,
            "契約番号",
            "契約no",
            "契約コード",
            "contract number",
            "contract no",
            "contract id"),
    CONTRACT_TITLE(
            ImportKind.CONTRACTS, "title", true, "件名", "契約名", "契約件名", "契約名称", "title", "contract title", "subject"),
    CONTRACT_SUPPLIER(
            ImportKind.CONTRACTS,
            "supplierId",
            true,
            "取引先",
            "取引先法人番号",
            "法人番号",
            "取引先コード",
            "仕入先コード",
            "supplier",
            "supplier corporate number",
            "corporate number",
            "supplier code"),
    CONTRACT_ORG_UNIT(
            ImportKind.CONTRACTS,
            "orgUnitId",
            false,
            "組織コード",
            "部門コード",
            "発注部門",
            "組織",
            "部門",
            "部署",
            "organisation unit",
            "organization unit",
            "org unit",
            "unit",
            "department"),
    CONTRACT_OWNER(
            ImportKind.CONTRACTS,
            "ownerUserId",
            false,
            "契約担当者",
            "担当者",
            "担当者id",
            "担当ユーザー",
            "owner",
            "owner username",
            "owner user"),
    CONTRACT_START_DATE(ImportKind.CONTRACTS, "startDate", false, "開始日", "契約開始日", "契約日", "start date", "start"),
    CONTRACT_END_DATE(
            ImportKind.CONTRACTS, "endDate", false, "終了日", "契約終了日", "契約期限", "満了日", "end date", "end", "expiry date"),
    CONTRACT_REQUIRED_LEVEL(
            ImportKind.CONTRACTS,
            "requiredLevel",
            false,
            "要求レベル",
            "必要な★",
            "必要レベル",
            "要求★",
            "要求星",
            "必要な星",
            "required level",
            "required star level",
            "level"),
    CONTRACT_Q_CONFIDENTIAL(
            ImportKind.CONTRACTS,
            "decisionChart.handlesConfidential",
            false,
            "機密情報",
            "機密情報の取扱い",
            "重要な機密情報",
            "q1",
            "confidential information",
            "handles confidential information"),
    CONTRACT_Q_CRITICAL(
            ImportKind.CONTRACTS,
            "decisionChart.businessCritical",
            false,
            "事業影響",
            "業務停止の影響",
            "停止時の影響大",
            "事業継続",
            "q2",
            "business critical",
            "stoppage critical"),
    CONTRACT_Q_NETWORK(
            ImportKind.CONTRACTS,
            "decisionChart.networkAccess",
            false,
            "ネットワーク接続",
            "社内システム接続",
            "社内ネットワーク接続",
            "q3",
            "network access",
            "network connection"),
    CONTRACT_LEVEL_REASON(
            ImportKind.CONTRACTS, "levelReason", false, "理由", "レベルの理由", "要求レベルの理由", "level reason", "reason"),
    // sub-contractor links
    LINK_CONTRACT_NUMBER(
            ImportKind.SUBCONTRACTING, "contractNumber", true, "契約番号", "契約no", "contract number", "contract no"),
    LINK_PARENT(
            ImportKind.SUBCONTRACTING,
            "parentSupplierId",
            false,
            "委託元",
            "親",
            "親取引先",
            "委託元法人番号",
            "委託元コード",
            "委託元取引先コード",
            "parent",
            "parent supplier",
            "from"),
    LINK_CHILD(
            ImportKind.SUBCONTRACTING,
            "childSupplierId",
            true,
            "再委託先",
            "委託先",
            "子",
            "再委託先法人番号",
            "再委託先コード",
            "再委託先取引先コード",
            "subcontractor",
            "sub-contractor",
            "child",
            "child supplier",
            "to"),
    LINK_CONFIDENTIAL_DATA(
            ImportKind.SUBCONTRACTING,
            "confidentialDataFlows",
            false,
            "機密情報",
            "機密データ",
            "機密情報の提供",
            "機密情報が渡る",
            "confidential data",
            "confidential data flows"),
    LINK_SYSTEM_ACCESS(
            ImportKind.SUBCONTRACTING, "systemAccess", false, "システムアクセス", "システム接続", "システム接続あり", "system access"),
    // the three chart answers (issue 22, decision 0015): a blank cell or no column = not answered for a new
    // link, unchanged for an existing one
    LINK_BUSINESS_CRITICAL(
            ImportKind.SUBCONTRACTING,
            "businessCritical",
            false,
            "事業影響",
            "業務停止の影響",
            "停止時の影響大",
            "停止で業務に遅延",
            "business critical",
            "business-critical",
            "stoppage delays business"),
    LINK_REQUIRED_LEVEL(
            ImportKind.SUBCONTRACTING, "requiredLevelOverride", false, "要求レベル", "必要な★", "required level", "level"),
    LINK_NOTE(ImportKind.SUBCONTRACTING, "note", false, "備考", "委託内容", "内容", "note", "notes", "what flows"),
    // users (issue 14; administrators only)
    USER_USERNAME(
            ImportKind.USERS,
            "username",
            true,
            "ユーザー名",
            "ユーザーid",
            "ログインid",
            "サインインid",
            "username",
            "user name",
            "login",
            "user id"),
    USER_DISPLAY_NAME(
            ImportKind.USERS, "displayName", true, "氏名", "名前", "表示名", "社員名", "name", "display name", "full name"),
    USER_EMAIL(ImportKind.USERS, "email", false, "メールアドレス", "メール", "email", "e-mail", "mail"),
    USER_ROLES(ImportKind.USERS, "roles", false, "ロール", "役割", "権限", "roles", "role"),
    USER_UNITS(
            ImportKind.USERS,
            "unitIds",
            false,
            "所属組織",
            "組織コード",
            "組織",
            "部門",
            "部署",
            "units",
            "unit",
            "organisation units",
            "organization units",
            "department");

    private final ImportKind kind;
    private final String property;
    private final boolean required;
    private final List<String> synonyms;

    ImportField(ImportKind kind, String property, boolean required, String... synonyms) {
        this.kind = kind;
        this.property = property;
        this.required = required;
        this.synonyms = List.of(synonyms);
    }

    public ImportKind kind() {
        return kind;
    }

    /** The form property the column fills: also the field name of validation problems. */
    public String property() {
        return property;
    }

    public boolean required() {
        return required;
    }

    public List<String> synonyms() {
        return synonyms;
    }

    /** The header the template uses: Japanese and English. */
    public String templateHeader() {
        return synonyms.get(0) + " / " + englishName();
    }

    public String englishName() {
        return synonyms.stream()
                .filter(s -> s.chars().allMatch(c -> c < 128))
                .filter(s -> !s.matches("q\\d"))
                .findFirst()
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .orElse(name());
    }

    public String messageKey() {
        return "import.field." + name();
    }
}
