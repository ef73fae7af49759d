{{%AUTOESCAPE context="HTML"}}<ul class="plain conflicts">{{#CONFLICT}}<li class="conflict{{#SETTLED}} settled{{/SETTLED}}">
{{#WITH_PROVISION}}<p class="conflict-provision"><a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></p>{{/WITH_PROVISION}}
<p class="muted">{{ADVERSE_COUNT_FA}} رأی به زیان و {{FAVOURABLE_COUNT_FA}} رأی به سود شهرداری؛ تازه‌ترین هر سو <span class="tag">{{SCOPE}}</span></p>
<ul class="conflict-list">{{#SIDE}}<li><span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span>: <a href="/rulings/{{ID}}">{{COURT}}{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi></a>، <time datetime="{{DECIDED_ON_ISO}}">{{DECIDED_ON}}</time> <span class="muted">({{CITY}})</span>{{#BINDING}} <a class="tag binding" href="/precedents/{{PRECEDENT_ID}}">رأی وحدت رویه</a>{{/BINDING}}</li>{{/SIDE}}</ul>
{{#HAS_GAPS}}<p class="muted">خلأهای این ماده:</p><ul class="conflict-list">{{#GAP}}<li><a href="/gaps/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a></li>{{/GAP}}</ul>{{/HAS_GAPS}}
{{#REQUEST}}<p>{{#SETTLED}}<span class="tag binding">حل‌شده با رأی وحدت رویه</span> {{/SETTLED}}درخواست وحدت رویه <a href="/precedents/{{REQUEST_ID}}"><span class="ref">{{REQUEST_REFERENCE}}</span></a> — {{REQUEST_STATE}}</p>{{/REQUEST}}
{{#MAY_OPEN}}<p class="no-print"><a class="button secondary" href="{{OPEN_LINK}}">درخواست رأی وحدت رویه</a></p>{{/MAY_OPEN}}
</li>{{/CONFLICT}}</ul>
