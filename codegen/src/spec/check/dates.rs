//! Time in the spec: the stages' starts in order, the environments they
//! name, and the elements and values in force on some days only.

use super::*;

impl Checker<'_> {
    pub(super) fn dates(&mut self) {
        let spec = self.spec;
        self.stages();
        // Each dated element or value: a request's required (P) element
        // cannot be dated, and the code reported for it must be declared.
        let mut dated: Vec<(Pos, String)> = Vec::new();
        for codeset in &spec.codesets {
            for value in codeset.values() {
                if let Some(pos) = first_day(&value.in_force) {
                    dated.push((
                        pos,
                        format!(
                            "codesets[{}].values[{}]",
                            codeset.id.value, value.code.value
                        ),
                    ));
                }
            }
        }
        for message in &spec.messages {
            self.dated_elements(message.direction.value, &message.elements, &mut dated);
        }
        if spec.implicit_errors.in_force.is_none() {
            if let Some((pos, path)) = dated.first() {
                self.report(
                    Kind::MissingKey,
                    *pos,
                    path,
                    "an element or value is dated (`from`, `until`), but `implicit_errors.in_force` names no error code for using it on another day".to_string(),
                    Some("add `in_force: PCR-NOT-IN-FORCE` under `implicit_errors` and declare the code under `error_codes`".to_string()),
                );
            }
        }
    }

    fn dated_elements(
        &mut self,
        direction: Direction,
        elements: &[Element],
        dated: &mut Vec<(Pos, String)>,
    ) {
        for element in elements {
            if let Some(pos) = first_day(&element.in_force) {
                dated.push((pos, element.path.clone()));
                let required = element.required.as_ref().filter(|r| r.value == Required::P);
                if let (Direction::Request, Some(required)) = (direction, required) {
                    self.report(
                        Kind::Inconsistent,
                        required.pos,
                        &element.path,
                        "a required (P) element cannot be in force on some days only".to_string(),
                        Some("make it V (or E with its rule); `from`/`until` then refuse it on other days".to_string()),
                    );
                }
            }
            self.dated_elements(direction, &element.elements, dated);
        }
    }

    /// Stages listed once each, in order, each environment once a stage,
    /// each environment's starts in order, environments the API serves.
    fn stages(&mut self) {
        let spec = self.spec;
        let mut previous: Option<&StageDates> = None;
        // Each environment's start in the stages before, as listed.
        let mut latest: HashMap<&str, (Stage, time::Date)> = HashMap::new();
        for stages in &spec.stages {
            let path = format!("stages[{}]", stages.stage.value.name());
            // A stage out of order is reported once, not again by its days.
            let in_order = previous.is_none_or(|before| stages.stage.value > before.stage.value);
            if let Some(before) = previous.filter(|_| !in_order) {
                self.report(
                    Kind::Inconsistent,
                    stages.stage.pos,
                    &path,
                    format!(
                        "stage `{}` is listed after stage `{}`: list the stages once each, in their order",
                        stages.stage.value.name(),
                        before.stage.value.name()
                    ),
                    None,
                );
            }
            let environments = stages.starts.iter().map(|start| {
                (
                    &start.environment,
                    format!("{path}.starts[{}]", start.environment.value),
                )
            });
            self.unique(environments, "environment", false);
            for start in &stages.starts {
                let start_path = format!("{path}.starts[{}]", start.environment.value);
                if let Some(api) = &spec.api {
                    if !api
                        .environments
                        .iter()
                        .any(|e| e.name.value == start.environment.value)
                    {
                        self.report(
                            Kind::UnknownElement,
                            start.environment.pos,
                            &start_path,
                            format!(
                                "the API serves no environment `{}`",
                                start.environment.value
                            ),
                            Some("name one of `api.environments`".to_string()),
                        );
                    }
                }
                if let Some((stage, from)) = latest.get(start.environment.value.as_str()) {
                    if in_order && start.date.value <= *from {
                        self.report(
                            Kind::Inconsistent,
                            start.date.pos,
                            &start_path,
                            format!(
                                "stage `{}` starts in {} on {}, not after stage `{}` (from {from})",
                                stages.stage.value.name(),
                                start.environment.value,
                                start.date.value,
                                stage.name(),
                            ),
                            Some("a later stage starts later in the same environment".to_string()),
                        );
                    }
                }
                latest.insert(
                    &start.environment.value,
                    (stages.stage.value, start.date.value),
                );
            }
            previous = Some(stages);
        }
    }
}

/// Where an element's or value's first day (or last) is written.
fn first_day(in_force: &InForce) -> Option<Pos> {
    in_force
        .from
        .as_ref()
        .or(in_force.until.as_ref())
        .map(|d| d.pos)
}
