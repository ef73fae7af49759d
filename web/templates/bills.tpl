{{%AUTOESCAPE context="HTML"}}<h1>طرح‌ها و لوایح در مجلس</h1>
{{#MAY_CREATE}}<p><a class="button" href="/bills/new">ثبت طرح یا لایحه تازه</a></p>{{/MAY_CREATE}}
<nav class="state-counts" aria-label="مرحله‌ها"><ul>{{#COLUMN}}<li><a href="#col-{{STATE}}">{{LABEL}} <span class="count">{{COUNT}}</span></a></li>{{/COLUMN}}</ul></nav>
<div class="board" id="bills">
{{#COLUMN}}<section class="column{{#TERMINAL}} done{{/TERMINAL}}" aria-labelledby="col-{{STATE}}">
<h2 id="col-{{STATE}}">{{LABEL}} <span class="muted">({{COUNT}})</span></h2>
{{#EMPTY}}<p class="muted">—</p>{{/EMPTY}}
{{#CARD}}<article class="card">
<p><span class="ref">{{REFERENCE}}</span> <span class="tag">{{CHANNEL_LABEL}}</span>{{#URGENT}} <span class="tag urgent">{{URGENCY_LABEL}}</span>{{/URGENT}}</p>
<p><a href="/bills/{{ID}}">{{TITLE}}</a></p>
{{#DUE}}<p class="muted">مهلت: <time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <strong class="overdue">(گذشته)</strong>{{/OVERDUE}}</p>{{/DUE}}
</article>{{/CARD}}
</section>{{/COLUMN}}
</div>
