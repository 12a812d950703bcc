package jp.hoshimi.legalentity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import jp.hoshimi.legalentity.LegalEntity;
import jp.hoshimi.legalentity.LegalEntityCandidate;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NTA corporate-number data over REST (issue 21): one corporation, and candidates for a name. Data
 * from the NTA: "Source: National Tax Agency Corporate Number Publication Site, processed by Hoshimi; not
 * guaranteed by the National Tax Agency."
 */
@RestController
@RequestMapping("/api/v1/legal-entities")
@Tag(name = "Legal entities", description = "The NTA corporate-number data (出典：国税庁法人番号公表サイト、加工して作成)")
class LegalEntityApi {

    private final LegalEntityService legalEntities;

    LegalEntityApi(LegalEntityService legalEntities) {
        this.legalEntities = legalEntities;
    }

    @GetMapping("/{corporateNumber}")
    @Operation(summary = "One corporation as the NTA data last described it (404 when it has no such number)")
    LegalEntity entity(@PathVariable String corporateNumber) {
        return legalEntities
                .entity(corporateNumber.strip())
                .orElseThrow(() -> new NotFoundException("legal_entity", corporateNumber));
    }

    @GetMapping
    @Operation(
            summary = "Candidates for a company name, optionally with its reading and address (prefecture), best first")
    List<LegalEntityCandidate> candidates(
            @RequestParam String name,
            @RequestParam(required = false) String furigana,
            @RequestParam(required = false) String prefecture,
            @RequestParam(defaultValue = "20") int limit) {
        return legalEntities.candidates(name, furigana, prefecture, limit);
    }
}
