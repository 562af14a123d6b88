package dev.atomics.guide;

import dev.atomics.AtomicUint;
import dev.atomics.CmpxchgResult;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// Step 3 of the README's guide, verbatim below (GuideSnippetsTest compares them).

@RestController
class LevelController {
    private final AtomicUint level;

    LevelController(@Qualifier("level") AtomicUint level) {
        this.level = level;
    }

    @PostMapping("/api/level/cas")
    ResponseEntity<?> cas(@RequestParam long expected, @RequestParam long desired) {
        CmpxchgResult r = level.cmpxchgStrong(expected, desired);
        return r.success()
                ? ResponseEntity.ok(desired)
                : ResponseEntity.status(409).body("level is " + r.expected()); // the value that won
    }
}
