{{%AUTOESCAPE context="HTML"}}<div class="tally" id="tally-{{N}}" aria-live="polite"{{#OUT_OF_BAND}} hx-swap-oob="innerHTML"{{/OUT_OF_BAND}}>
<p class="counts">{{#COUNT}}<span>{{LABEL}}: <strong>{{VOTES}}</strong></span> {{/COUNT}}</p>
<p>{{#HAS_QUORUM}}<span class="ok">حد نصاب هست</span>{{/HAS_QUORUM}}{{#NO_QUORUM}}<span class="overdue">بدون حد نصاب</span>{{/NO_QUORUM}}: {{PRESENT}} شهر حاضر، {{QUORUM_NEEDED}} لازم</p>
{{#NEED}}<p class="need{{#CARRIED}} carried{{/CARRIED}}">{{LABEL}}: {{VOTES_FOR}} رأی از {{VOTES_NEEDED}} رأی لازم{{#CARRIED}} — <strong>به دست آمده</strong>{{/CARRIED}}</p>{{/NEED}}
{{#DECIDED}}<p class="decision"><strong>تصمیم: {{DECISION_LABEL}}</strong> با {{VOTES_FOR}} رأی — <bdi>{{DECIDED_BY}}</bdi>، <time datetime="{{DECIDED_AT_ISO}}">{{DECIDED_AT}}</time></p>{{#HAS_NOTE}}<p class="text">{{NOTE}}</p>{{/HAS_NOTE}}{{/DECIDED}}
<details open><summary>رأی هر شهر</summary>
{{#NOBODY_PRESENT}}<p class="muted">هنوز حضور هیچ شهری ثبت نشده است.</p>{{/NOBODY_PRESENT}}
<ul class="votes">{{#CITY_VOTE}}<li>{{CITY}}: {{#VOTED}}<strong>{{VOTE}}</strong>{{/VOTED}}{{#NO_VOTE}}<span class="muted">هنوز رأی نداده</span>{{/NO_VOTE}}</li>{{/CITY_VOTE}}</ul>
</details>
</div>
