{{%AUTOESCAPE context="HTML"}}<h1>تابلوی خلأها</h1>
<form class="panel filters" method="get" action="/gaps/board" hx-get="/gaps/board" hx-target="#board" hx-select="#board" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change, submit">
<div><label for="f-municipality">شهر</label><select id="f-municipality" name="municipality"><option value="">همه</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select></div>
<div><label for="f-category">موضوع</label><select id="f-category" name="category"><option value="">همه</option>{{#CATEGORY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_CHOICE}}</select></div>
<div><button type="submit">نمایش</button></div>
</form>
<div class="board" id="board">
{{#COLUMN}}<section class="column" aria-labelledby="col-{{STATE}}">
<h2 id="col-{{STATE}}"><a href="{{LIST_LINK}}">{{STATE_LABEL}}</a></h2>
{{#EMPTY}}<p class="muted">—</p>{{/EMPTY}}
{{#CARD}}<article class="card">
<p><span class="ref">{{REFERENCE}}</span>{{#CONFIDENTIAL}} <span class="tag confidential">محرمانه</span>{{/CONFIDENTIAL}}</p>
<p><a href="/gaps/{{ID}}">{{TITLE}}</a></p>
<p class="muted">{{CITY}} · <span class="priority-{{PRIORITY}}">{{PRIORITY_LABEL}}</span>{{#DUE}} · <time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{/DUE}}</p>
</article>{{/CARD}}
{{#MORE}}<p><a href="{{LIST_LINK}}">همه موارد این ستون</a></p>{{/MORE}}
</section>{{/COLUMN}}
</div>
